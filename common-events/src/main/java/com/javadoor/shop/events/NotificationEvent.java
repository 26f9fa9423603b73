package com.javadoor.shop.events;

/** What Email Service publishes on {@link Topics#NOTIFICATIONS}. */
public sealed interface NotificationEvent extends ShopEvent permits NotificationSent {
}
