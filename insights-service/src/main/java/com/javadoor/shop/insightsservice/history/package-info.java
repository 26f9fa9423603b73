/**
 * Order histories rebuilt from the event log itself, by replaying the topics on every start.
 */
package com.javadoor.shop.insightsservice.history;
