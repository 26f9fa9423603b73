package com.javadoor.shop.insightsservice.sales;

import com.javadoor.shop.events.Topics;
import com.javadoor.shop.insightsservice.system.ShopEventSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * orders (key: order id) → per-order state → one record per confirmed line, re-keyed by product
 * (through the repartition topic) → running total per product → {@code product-sales}.
 *
 * <p>With {@code exactly_once_v2} every step of that chain is one Kafka transaction per commit: the
 * offsets read, the repartition records, the state-store changelogs and the totals written commit or
 * abort together, so a crash or a rebalance can neither lose a sale nor count it twice.
 */
final class SalesTopology {

    static final String PRODUCT_SALES_TOPIC = "product-sales";
    static final String ORDERS_STORE = "order-lines";
    static final String TOTALS_STORE = "product-sales-totals";

    private SalesTopology() {
    }

    static KTable<String, ProductSales> build(StreamsBuilder builder) {
        JsonSerde<ProductSales> sales = new JsonSerde<>(ProductSales.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDERS_STORE),
                Serdes.String(), new JsonSerde<>(TrackedOrder.class)));
        KTable<String, ProductSales> totals = builder
                .stream(Topics.ORDERS, Consumed.with(Serdes.String(), new ShopEventSerde()))
                .process(ConfirmedOrderSales::new, ORDERS_STORE)
                .groupByKey(Grouped.with("sales-by-product", Serdes.String(), sales))
                .reduce(ProductSales::plus, Materialized.<String, ProductSales, KeyValueStore<Bytes, byte[]>>as(TOTALS_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(sales));
        totals.toStream().to(PRODUCT_SALES_TOPIC, Produced.with(Serdes.String(), sales));
        return totals;
    }
}
