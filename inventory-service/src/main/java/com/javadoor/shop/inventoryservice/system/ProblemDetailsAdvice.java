package com.javadoor.shop.inventoryservice.system;

import com.javadoor.shop.inventoryservice.product.ProductNotFoundException;
import com.javadoor.shop.inventoryservice.reservation.ReservationNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API is an RFC 9457 problem. Spring MVC's own exceptions (a missing or
 * malformed parameter, an unknown path) become 4xx problems in the base class; this adds the 404s.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ProductNotFoundException.class)
    ProblemDetail productNotFound(ProductNotFoundException ex) {
        return notFound("Product not found", ex);
    }

    @ExceptionHandler(ReservationNotFoundException.class)
    ProblemDetail reservationNotFound(ReservationNotFoundException ex) {
        return notFound("Reservation not found", ex);
    }

    private static ProblemDetail notFound(String title, RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
