package com.salescopilot.analysis;

/** The sales indicators. An indicator is null only in an unvalidated result. */
public record Indicators(PurchaseTemperature purchaseTemperature, JourneyStage journeyStage, ChurnRisk churnRisk,
                         SalesPotential salesPotential) {
}
