package com.javadoor.shop.inventoryservice.product;

import com.javadoor.shop.events.ProductId;
import com.javadoor.shop.events.StockLevel;
import java.util.List;

/** What came of asking {@link Stock} for an order's lines: all of them, or none and why. */
public sealed interface StockOutcome {

    /** Every line is held; one level per line, in the order's line order. */
    record Reserved(List<StockLevel> levels) implements StockOutcome {

        public Reserved {
            levels = List.copyOf(levels);
        }
    }

    /** Nothing is held, because of the first product the order asks for more of than there is. */
    record Shortage(ProductId productId, int requested, int available, String reason) implements StockOutcome {
    }
}
