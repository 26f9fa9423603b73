package com.javadoor.shop.orderservice.order;

import com.javadoor.shop.events.OrderId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The orders read in the current transaction, forgotten when it ends, committed or not. Outside a
 * transaction it remembers nothing. A transaction that runs on its own inside this one (suspending it)
 * does not see them. Only reads are remembered: an order placed in a transaction is seldom read back in
 * it (only for a repeated Idempotency-Key within one intake batch), so remembering placed orders would
 * cost every batch for nothing.
 */
final class OrdersInTransaction {

    private OrdersInTransaction() {
    }

    static Order get(OrderId id) {
        Map<OrderId, Order> orders = bound();
        return orders == null ? null : orders.get(id);
    }

    static void remember(Order order) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<OrderId, Order> orders = bound();
        if (orders == null) {
            orders = bind();
        }
        orders.put(order.id(), order);
    }

    @SuppressWarnings("unchecked")
    private static Map<OrderId, Order> bound() {
        return (Map<OrderId, Order>) TransactionSynchronizationManager.getResource(OrdersInTransaction.class);
    }

    private static Map<OrderId, Order> bind() {
        Map<OrderId, Order> orders = new HashMap<>();
        TransactionSynchronizationManager.bindResource(OrdersInTransaction.class, orders);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(OrdersInTransaction.class);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(OrdersInTransaction.class, orders);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(OrdersInTransaction.class);
            }
        });
        return orders;
    }
}
