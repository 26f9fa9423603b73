package com.javadoor.shop.inventoryservice.product;

/** No product with that id; the REST API answers 404. */
public class ProductNotFoundException extends RuntimeException {

    ProductNotFoundException(String id) {
        super("No product " + id);
    }
}
