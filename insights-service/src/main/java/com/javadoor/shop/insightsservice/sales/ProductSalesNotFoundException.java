package com.javadoor.shop.insightsservice.sales;

import com.javadoor.shop.events.ProductId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class ProductSalesNotFoundException extends ErrorResponseException {

    ProductSalesNotFoundException(ProductId product) {
        super(HttpStatus.NOT_FOUND, problem(product), null);
    }

    private static ProblemDetail problem(ProductId product) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No confirmed order has sold product " + product + " yet");
        problem.setTitle("No sales for this product");
        return problem;
    }
}
