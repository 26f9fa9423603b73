package com.javadoor.shop.inventoryservice.product;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProductRepository extends JpaRepository<Product, String> {

    List<Product> findAllByOrderByIdAsc();

    /**
     * Reads the product with {@code SELECT ... FOR UPDATE}: whoever else wants to move its stock waits
     * until this transaction ends, and then reads what it left.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.id = :id")
    Optional<Product> findForUpdate(String id);
}
