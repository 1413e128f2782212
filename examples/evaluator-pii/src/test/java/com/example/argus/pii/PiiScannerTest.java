package com.example.argus.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiScannerTest {

    private final PiiScanner all = new PiiScanner(EnumSet.allOf(PiiType.class));

    private List<PiiType> types(String text) {
        return all.scan(text, "output").stream().map(Finding::type).toList();
    }

    @Test
    void cardNumbersMustPassTheLuhnCheck() {
        assertEquals(List.of(PiiType.CREDIT_CARD), types("Card: 4111 1111 1111 1111, thanks"));
        assertEquals(List.of(PiiType.CREDIT_CARD), types("amex 3782-822463-10005"));
        assertEquals(List.of(), types("order 4111 1111 1111 1112 shipped"));
        assertTrue(PiiScanner.luhn("79927398713"));
        assertFalse(PiiScanner.luhn("79927398710"));
    }

    @Test
    void ibansMustPassTheMod97Check() {
        assertEquals(List.of(PiiType.IBAN), types("Pay to DE89 3704 0044 0532 0130 00 please"));
        assertEquals(List.of(PiiType.IBAN), types("GB82WEST12345698765432"));
        assertEquals(List.of(PiiType.IBAN), types("iban: de89370400440532013000 ok"));
        assertEquals(List.of(), types("Pay to DE89 3704 0044 0532 0130 01 please"));
        assertEquals(1, PiiScanner.mod97("GB82WEST12345698765432"));
    }

    @Test
    void emailAddresses() {
        assertEquals(List.of(PiiType.EMAIL), types("write to jane.doe+argus@mail.example.co.uk."));
        assertEquals(List.of(), types("the @ sign and user@localhost are not addresses"));
    }

    @Test
    void phoneNumbersInInternationalAndNationalFormats() {
        assertEquals(List.of(PiiType.PHONE), types("call +49 30 901820 today"));
        assertEquals(List.of(PiiType.PHONE), types("call (555) 123-4567"));
        assertEquals(List.of(PiiType.PHONE), types("call 555-123-4567"));
        assertEquals(List.of(PiiType.PHONE), types("ruf 030 901820 an"));
        assertEquals(List.of(), types("released on 2024-01-15, build 12345678, version 1.2.3"));
    }

    @Test
    void aCardNumberIsNotAlsoAPhoneNumber() {
        assertEquals(List.of(PiiType.CREDIT_CARD, PiiType.EMAIL),
                types("4111-1111-1111-1111 belongs to a@b.example"));
    }

    @Test
    void findingsAreMasked() {
        Finding card = all.scan("4111 1111 1111 1111", "output").getFirst();
        assertEquals("************1111", card.masked());
        Finding mail = all.scan("jane@example.com", "output").getFirst();
        assertEquals("j***@e***.com", mail.masked());
        Finding iban = all.scan("DE89370400440532013000", "output").getFirst();
        assertEquals("DE89**************3000", iban.masked());
    }

    @Test
    void onlyTheChosenDetectorsRun() {
        PiiScanner emailOnly = new PiiScanner(EnumSet.of(PiiType.EMAIL));
        assertEquals(List.of(PiiType.EMAIL),
                emailOnly.scan("a@b.example and 4111 1111 1111 1111", "output").stream().map(Finding::type).toList());
    }
}
