package com.javadoor.shop.paymentservice.account;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.javadoor.shop.testsupport.WithSharedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The seeded demo customers over REST; no test of this module charges them. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithSharedKafkaBroker
class AccountApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void listsTheCustomersWithTheirBalances() throws Exception {
        mvc.perform(get("/api/customers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItems("alice", "bob", "carol", "dave")))
                .andExpect(jsonPath("$[?(@.id == 'alice')].balance").value(contains(1000.00)))
                .andExpect(jsonPath("$[?(@.id == 'bob')].balance").value(contains(50.00)))
                .andExpect(jsonPath("$[?(@.id == 'dave')].currency").value(contains("EUR")));
    }

    @Test
    void showsOneCustomer() throws Exception {
        mvc.perform(get("/api/customers/{id}", "bob"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("bob"))
                .andExpect(jsonPath("$.name").value("Bob"))
                .andExpect(jsonPath("$.balance").value(50.00))
                .andExpect(jsonPath("$.currency").value("EUR"));
    }

    @Test
    void anUnknownCustomerIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/customers/{id}", "nobody"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Customer not found"))
                .andExpect(jsonPath("$.detail").value("No customer nobody"));
    }
}
