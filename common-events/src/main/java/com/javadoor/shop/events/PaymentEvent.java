package com.javadoor.shop.events;

/** What Payment Service publishes on {@link Topics#PAYMENTS}. */
public sealed interface PaymentEvent extends ShopEvent permits PaymentCompleted, PaymentFailed, PaymentRefunded {
}
