package com.javadoor.shop.insightsservice.history;

import com.javadoor.shop.events.OrderId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class OrderHistoryNotFoundException extends ErrorResponseException {

    OrderHistoryNotFoundException(OrderId order) {
        super(HttpStatus.NOT_FOUND, problem(order), null);
    }

    private static ProblemDetail problem(OrderId order) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No event about order " + order + " among the orders the view keeps (the most recent ones)");
        problem.setTitle("Order not found");
        return problem;
    }
}
