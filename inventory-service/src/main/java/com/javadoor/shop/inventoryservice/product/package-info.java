/**
 * The catalogue and its stock: what each product costs, how many units are for sale and how many are held.
 */
package com.javadoor.shop.inventoryservice.product;
