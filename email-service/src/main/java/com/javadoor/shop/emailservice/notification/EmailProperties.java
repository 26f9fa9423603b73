package com.javadoor.shop.emailservice.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the shop's mails look to their readers, under {@code shop.email}. Where they are sent through is
 * infrastructure: Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every mail, where a customer's reply goes
 */
@ConfigurationProperties("shop.email")
@Validated
record EmailProperties(@DefaultValue("shop@javadoor.com") @NotBlank @Email String from) {
}
