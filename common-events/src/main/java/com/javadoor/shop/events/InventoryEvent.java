package com.javadoor.shop.events;

/** What Inventory Service publishes on {@link Topics#INVENTORY}. */
public sealed interface InventoryEvent extends ShopEvent permits InventoryUpdated, InventoryRejected, InventoryReleased {
}
