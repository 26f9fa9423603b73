package com.javadoor.shop.paymentservice.account;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.ProblemDetail;
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
    @ApiResponse(responseCode = "200", description = "The customer's account", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No customer with this id", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    AccountView find(@PathVariable String id) {
        return accounts.find(id);
    }
}
