/**
 * The database server of docker-compose.yml: H2's TCP server, with its database files compacted while it runs.
 */
package com.javadoor.shop.h2server;
