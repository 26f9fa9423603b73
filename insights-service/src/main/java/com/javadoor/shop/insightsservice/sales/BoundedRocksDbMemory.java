package com.javadoor.shop.insightsservice.sales;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One bounded budget for the native memory of every RocksDB store of the process. By default Kafka Streams
 * gives each store of each partition (two stores, three partitions here) a block cache of 50 MiB and up to
 * three memtables of 16 MiB, outside the heap and outside {@code -Xmx}: the {@code order-lines} store takes
 * a key per order, so its memtables fill as the shop runs, and the service's memory grew through a load
 * test while the other services' stayed flat (docs/BENCHMARKS.md). Here all stores share one cache, and their
 * memtables are counted in it, as Kafka Streams' memory-management guide describes. A record reads what
 * an order's earlier records wrote moments before, mostly still in a memtable, so a small cache costs
 * little (the same CPU at the same rates, measured); smaller memtables mean more, smaller flushes to disk.
 *
 * <p>Kafka Streams instantiates this class by name, once a store; what the stores share is static, and
 * lives as long as the process.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final long TOTAL_BYTES = 16L * 1024 * 1024;
    private static final long ALL_MEMTABLES_BYTES = 8L * 1024 * 1024;
    private static final long ONE_MEMTABLE_BYTES = 2L * 1024 * 1024;

    // Index and filter blocks are charged to the cache as well, in its high-priority part, so that the
    // data blocks do not push them out.
    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
    private static final WriteBufferManager MEMTABLES = new WriteBufferManager(ALL_MEMTABLES_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(MEMTABLES);
        options.setWriteBufferSize(ONE_MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store: closing them here, when one
        // store closes (a rebalance moves a partition away), would pull them from under the others.
    }
}
