package com.javadoor.shop.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/** Lets a listener method declare {@code EventMetadata metadata} next to the event it handles. */
class EventMetadataArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return EventMetadata.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        return EventMetadata.from(name -> {
            Object value = message.getHeaders().get(name);
            return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : value == null ? null : value.toString();
        });
    }
}
