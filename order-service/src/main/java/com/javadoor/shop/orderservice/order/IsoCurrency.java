package com.javadoor.shop.orderservice.order;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

/** An ISO 4217 currency code the JVM knows, such as {@code EUR}. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoCurrency.Validator.class)
@interface IsoCurrency {

    String message() default "must be an ISO 4217 currency code such as EUR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoCurrency, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (value.matches("[A-Z]{3}") && Currency.getAvailableCurrencies().stream()
                    .anyMatch(currency -> currency.getCurrencyCode().equals(value)));
        }
    }
}
