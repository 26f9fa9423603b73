package com.javadoor.shop.insightsservice.sales;

import com.javadoor.shop.events.ProductId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads the totals from the topology's own state store (an interactive query), not from a copy. One
 * instance owns every partition here; with several, each would answer for the products it holds.
 */
@Component
class SalesTotals {

    private final StreamsBuilderFactoryBean streams;

    SalesTotals(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    ProductSales of(ProductId product) {
        ProductSales sales = query(store -> store.get(product.value()));
        if (sales == null) {
            throw new ProductSalesNotFoundException(product);
        }
        return sales;
    }

    List<ProductSales> all() {
        return query(store -> {
            List<ProductSales> all = new ArrayList<>();
            try (KeyValueIterator<String, ProductSales> totals = store.all()) {
                totals.forEachRemaining(total -> all.add(total.value));
            }
            all.sort(Comparator.comparing(sales -> sales.productId().value()));
            return all;
        });
    }

    /** While the topology starts, rebalances, restores its state or is stopped, the store cannot be read. */
    private <T> T query(Function<ReadOnlyKeyValueStore<String, ProductSales>, T> query) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
            throw new SalesNotQueryableException(null);
        }
        try {
            return query.apply(kafkaStreams.store(StoreQueryParameters.fromNameAndType(SalesTopology.TOTALS_STORE,
                    QueryableStoreTypes.keyValueStore())));
        }
        catch (InvalidStateStoreException ex) {
            throw new SalesNotQueryableException(ex);
        }
    }
}
