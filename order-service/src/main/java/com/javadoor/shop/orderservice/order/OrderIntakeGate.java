package com.javadoor.shop.orderservice.order;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an order before its body is read when the intake would refuse it anyway. Under overload most
 * requests are refused, and a refusal that first parsed and validated the JSON would take the CPU the shop
 * needs for the orders it did accept; this way a refusal reads, parses and validates nothing. The same
 * {@link OrderIntakeFullException} becomes the same 503 problem.
 */
@Component
class OrderIntakeGate implements HandlerInterceptor, WebMvcConfigurer {

    private final OrderIntake intake;

    OrderIntakeGate(OrderIntake intake) {
        this.intake = intake;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/orders");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod())) {
            intake.refuseWhenFull();
        }
        return true;
    }
}
