package com.javadoor.shop.orderservice.order;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of orders, newest first, with what a client needs to fetch the next. */
record OrderPage(List<OrderView> content, int page, int size, long totalElements, int totalPages) {

    static OrderPage of(Page<Order> orders) {
        return new OrderPage(orders.map(OrderView::of).getContent(), orders.getNumber(), orders.getSize(),
                orders.getTotalElements(), orders.getTotalPages());
    }
}
