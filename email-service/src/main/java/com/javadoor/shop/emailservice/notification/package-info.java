/**
 * Customer e-mails: one for each state an order reaches, sent over SMTP, recorded and announced.
 */
package com.javadoor.shop.emailservice.notification;
