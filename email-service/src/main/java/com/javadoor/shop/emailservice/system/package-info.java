/**
 * Wiring that is not about e-mails: the topic this service owns and the dead-letter topic of the one it reads.
 */
package com.javadoor.shop.emailservice.system;
