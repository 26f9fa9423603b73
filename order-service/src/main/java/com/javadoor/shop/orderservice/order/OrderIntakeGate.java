package com.javadoor.shop.orderservice.order;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an order before Spring MVC sees it when the intake would refuse it anyway. Under overload most
 * requests are refused, and every CPU-millisecond a refusal costs is taken from the orders the shop did
 * accept: dispatched through MVC, with the problem written by Jackson, a refusal cost about half a
 * CPU-millisecond, a quarter of an accepted order (docs/BENCHMARKS.md). Here it reads no body and writes
 * the same RFC 9457 problem as the exception handler does for an {@link OrderIntakeFullException} thrown
 * later, from a template. A servlet filter after the observation filter, so refusals are still counted in
 * the {@code http.server.requests} metrics.
 */
@Component
class OrderIntakeGate extends OncePerRequestFilter {

    private static final String ORDERS = "/api/orders";

    private final OrderIntake intake;

    OrderIntakeGate(OrderIntake intake) {
        this.intake = intake;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && ORDERS.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            intake.refuseWhenFull();
        }
        catch (OrderIntakeFullException refused) {
            byte[] problem = problem(refused.getMessage());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfter().toSeconds()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(problem.length);
            response.getOutputStream().write(problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static byte[] problem(String detail) {
        String escaped = detail.replace("\\", "\\\\").replace("\"", "\\\"");
        return ("{\"type\":\"about:blank\",\"title\":\"" + OrderIntakeFullException.TITLE + "\",\"status\":503,"
                + "\"detail\":\"" + escaped + "\",\"instance\":\"" + ORDERS + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
