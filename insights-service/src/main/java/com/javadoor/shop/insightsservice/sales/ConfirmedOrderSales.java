package com.javadoor.shop.insightsservice.sales;

import com.javadoor.shop.events.OrderCancelled;
import com.javadoor.shop.events.OrderConfirmed;
import com.javadoor.shop.events.OrderPlaced;
import com.javadoor.shop.events.ShopEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the events of one order (the record key) into the sales it adds: nothing when it is placed,
 * one record per line, keyed by product, when it is confirmed, and nothing ever again. Exactly-once
 * processing makes each input record count once; the per-order state makes each order count once,
 * even when the upstream sends the same confirmation twice.
 */
class ConfirmedOrderSales implements Processor<String, ShopEvent, String, ProductSales> {

    private static final Logger log = LoggerFactory.getLogger(ConfirmedOrderSales.class);

    private ProcessorContext<String, ProductSales> context;
    private KeyValueStore<String, TrackedOrder> orders;

    @Override
    public void init(ProcessorContext<String, ProductSales> context) {
        this.context = context;
        this.orders = context.getStateStore(SalesTopology.ORDERS_STORE);
    }

    @Override
    public void process(Record<String, ShopEvent> record) {
        String orderId = record.key();
        TrackedOrder order = orders.get(orderId);
        if (order != null && order.settled()) {
            return;
        }
        if (record.value() instanceof OrderPlaced placed && order == null) {
            orders.put(orderId, TrackedOrder.placed(placed.lines()));
        }
        else if (record.value() instanceof OrderConfirmed) {
            if (order == null) {
                log.warn("Order {} confirmed but its OrderPlaced was never seen; not counted", orderId);
                return;
            }
            order.lines().forEach(line -> context.forward(
                    record.withKey(line.productId().value()).withValue(ProductSales.of(line))));
            orders.put(orderId, TrackedOrder.SETTLED);
        }
        else if (record.value() instanceof OrderCancelled) {
            orders.put(orderId, TrackedOrder.SETTLED);
        }
    }
}
