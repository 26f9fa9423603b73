package com.javadoor.shop.orderservice.order;

import java.util.List;

/** One page of orders, newest first, with what a client needs to fetch the next. */
record OrderPage(List<OrderView> content, int page, int size, long totalElements, int totalPages) {

    static OrderPage of(List<Order> orders, int page, int size, long totalElements) {
        return new OrderPage(orders.stream().map(OrderView::of).toList(), page, size, totalElements,
                (int) ((totalElements + size - 1) / size));
    }
}
