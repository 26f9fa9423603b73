package com.javadoor.shop.paymentservice.account;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: balances change only through the events of the orders. */
@RestController
@RequestMapping("/api/customers")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<AccountView> all() {
        return accounts.all();
    }

    @GetMapping("/{id}")
    AccountView find(@PathVariable String id) {
        return accounts.find(id);
    }
}
