package com.javadoor.shop.insightsservice.sales;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 503 with {@code Retry-After}: the totals exist, this instance just cannot read them right now. */
class SalesNotQueryableException extends ErrorResponseException {

    SalesNotQueryableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set("Retry-After", "1");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The sales totals are being started, rebalanced or restored; try again shortly");
        problem.setTitle("Sales totals not available yet");
        return problem;
    }
}
