/**
 * How the services talk through Kafka without losing or doubling anything: the transactional outbox
 * and its relay on the way out, the record of processed events and the dead-letter policy on the way in.
 */
package com.javadoor.shop.messaging;
