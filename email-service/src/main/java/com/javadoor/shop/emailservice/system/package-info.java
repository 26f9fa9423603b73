/**
 * Wiring that is not about e-mails: the topic this service owns, the dead-letter topic of the one it reads,
 * and the title of its OpenAPI document.
 */
package com.javadoor.shop.emailservice.system;
