/**
 * Receivables KPIs, each a small pure function over figures already summed (major or minor units alike, as long
 * as one call uses one unit). Variants and worked examples: docs/kpis.md. A KPI whose denominator is zero is
 * undefined (shown empty), never Infinity or NaN.
 */

/**
 * Days sales outstanding, standard: ending AR ÷ credit sales in the period × days in the period.
 * @example dsoStandard(150_000, 1_800_000, 365) //=> 30.416…
 */
export function dsoStandard(endingAr: number, creditSales: number, days: number): number | undefined {
  return creditSales > 0 ? (endingAr / creditSales) * days : undefined;
}

/**
 * DSO by the countback method: walk back month by month from the period end, subtracting each month's credit
 * sales from ending AR; whole months add their days, the last partial month adds (remaining AR ÷ that month's
 * sales) × its days. `months` is most recent first. When AR exceeds all the months given, the months given are
 * all counted whole.
 * @example dsoCountback(212_000, [{ sales: 100_000, days: 30 }, { sales: 80_000, days: 30 }, { sales: 70_000, days: 30 }]) //=> 73.71…
 */
export function dsoCountback(endingAr: number, months: ReadonlyArray<{ readonly sales: number; readonly days: number }>): number | undefined {
  if (months.length === 0) return undefined;
  let remaining = endingAr;
  let days = 0;
  for (const month of months) {
    if (remaining <= 0) break;
    if (month.sales <= 0) {
      days += month.days;
      continue;
    }
    if (remaining >= month.sales) {
      remaining -= month.sales;
      days += month.days;
    } else {
      days += (remaining / month.sales) * month.days;
      remaining = 0;
    }
  }
  return days;
}

/**
 * Best possible DSO: current (not yet due) AR ÷ credit sales × days — the DSO if every customer paid on time.
 * @example bestPossibleDso(100_000, 1_800_000, 365) //=> 20.27…
 */
export function bestPossibleDso(currentAr: number, creditSales: number, days: number): number | undefined {
  return creditSales > 0 ? (currentAr / creditSales) * days : undefined;
}

/** Average days delinquent = DSO − best possible DSO. @example averageDaysDelinquent(30.4, 20.3) //=> 10.1… */
export function averageDaysDelinquent(dso: number | undefined, bestPossible: number | undefined): number | undefined {
  return dso === undefined || bestPossible === undefined ? undefined : dso - bestPossible;
}

/**
 * Collection effectiveness index, in percent, with full-period credit sales (not divided by the number of months):
 * (beginning AR + credit sales − ending total AR) ÷ (beginning AR + credit sales − ending current AR) × 100.
 * @example collectionEffectivenessIndex(100_000, 1_000_000, 120_000, 100_000) //=> 98
 */
export function collectionEffectivenessIndex(
  beginningAr: number,
  creditSales: number,
  endingTotalAr: number,
  endingCurrentAr: number,
): number | undefined {
  const collectible = beginningAr + creditSales - endingCurrentAr;
  return collectible > 0 ? ((beginningAr + creditSales - endingTotalAr) / collectible) * 100 : undefined;
}

/** AR turnover = credit sales ÷ average AR ((beginning + ending) ÷ 2). @example arTurnover(1_200_000, 100_000, 140_000) //=> 10 */
export function arTurnover(creditSales: number, beginningAr: number, endingAr: number): number | undefined {
  const average = (beginningAr + endingAr) / 2;
  return average > 0 ? creditSales / average : undefined;
}

/** Average collection period = days in the period ÷ turnover. @example collectionPeriod(10, 365) //=> 36.5 */
export function collectionPeriod(turnover: number | undefined, days: number): number | undefined {
  return turnover === undefined || turnover <= 0 ? undefined : days / turnover;
}

/** Share of AR not yet due, as a fraction (0.8 = 80 %). @example percentCurrent(80_000, 100_000) //=> 0.8 */
export function percentCurrent(currentAr: number, totalAr: number): number | undefined {
  return totalAr > 0 ? currentAr / totalAr : undefined;
}
