//! Properties checked here (expected cents worked out by hand in the comments):
//! 1. the embedded `costs.json` loads, and bad files are refused: negative amounts,
//!    percentages above 100 %, unknown fields, undefined currencies or zones;
//! 2. exact decimals and conversions: XOF at 655.957 and USD at 1.0389 to the cent,
//!    half up;
//! 3. the network share is ⌊eligible / 2⌋ up to 1 400 € per mission, shared by all
//!    experts, with odd cents floored;
//! 4. the Kinshasa mission's lines (R = 240 €: 65 % lodging, 35 % per diem, estimates);
//! 5. lodging, one or two meals and field transport provided: line 0, the amount in kind;
//! 6. each line is rounded to the cent on its own;
//! 7. who pays: association, employer, split; the fee goes with the payer;
//! 8. reciprocity uses the domestic rates (Toulouse 120 € a night, Albi 90 €);
//! 9. errors: no per-diem rate, days, experts, meals, split, negative amounts, unknown
//!    currency, reciprocity outside France;
//! 10. the mécénat estimate: 60 %, 40 % above 2 M€, pay cap, yearly cap by 5 ‰ of
//!     turnover or 20 000 €;
//! 11. sources and dates of the rules used, and the JSON shape;
//! 12. for random inputs: payers add up to eligible + fee, the share follows its formula,
//!     and what is provided moves from the lines to in kind (within a cent per expert).

use proptest::prelude::*;

use super::*;
use crate::reference::Reference;
use crate::values::{CountryCode, Money};

fn cc(code: &str) -> CountryCode {
    code.parse().unwrap()
}

fn rules() -> &'static CostRules {
    CostRules::embedded()
}

fn run(input: &CostInput) -> Result<CostPlan, CostError> {
    plan(rules(), &Reference::embedded(), input)
}

fn eur_(euros: i64) -> Money {
    Money::from_euros(euros)
}

/// A plan whose only non-zero line is the international flight, per expert.
fn flat(flight_cents: i64, experts: u32) -> CostInput {
    let mut input = CostInput::new(cc("CD"), 10);
    input.experts = experts;
    input.overrides = Overrides {
        per_diem_daily: Some(Money::ZERO),
        national_transport: Some(Money::ZERO),
        international_transport: Some(Money::from_cents(flight_cents)),
        insurance: Some(Money::ZERO),
        visa: Some(Money::ZERO),
        field_transport: Some(Money::ZERO),
    };
    input
}

fn line(p: &CostPlan, expert: u32, category: Category) -> &CostLine {
    p.lines
        .iter()
        .find(|l| l.expert == expert && l.category == category)
        .unwrap()
}

fn in_kind(p: &CostPlan, category: Category) -> Option<&InKind> {
    p.in_kind.iter().find(|k| k.category == category)
}

// 1. The rules file.

#[test]
fn embedded_rules_load_with_their_figures() {
    let r = rules();
    assert_eq!(r.programme.network_share_bp, 5000);
    assert_eq!(r.programme.network_cap_per_mission, eur_(1400));
    assert_eq!(r.programme.fee_per_mission, eur_(200));
    assert_eq!(r.per_diem_abroad.rates.len(), 15);
    assert_eq!(r.per_diem_abroad.get(cc("SN")).unwrap().currency, "XOF");
    assert!(r.per_diem_abroad.get(cc("PE")).is_none());
    assert_eq!(r.currency("XAF").unwrap().per_eur.to_string(), "655.957");
    assert_eq!(r.currency("USD").unwrap().date, "2024-12-31");
    assert_eq!(
        r.domestic.night_by_city[1].cities,
        ["Toulouse", "Montpellier"]
    );
    assert_eq!(r.mecenat.pmss_monthly, eur_(4005));
    for source in [
        &r.programme.source,
        &r.per_diem_abroad.source,
        &r.per_diem_split.source,
        &r.domestic.source,
        &r.estimates.source,
        &r.mecenat.source,
    ] {
        assert!(!source.is_empty());
    }
    assert!(r.per_diem_abroad.source.contains("à vérifier"));
    assert!(
        r.per_diem_split.source.contains("article 2"),
        "not article 3"
    );
    assert!(
        r.estimates
            .source
            .contains("à remplacer par des devis réels")
    );
    // Sources are written for the documents' readers: no notes of ours they cannot read.
    let file = explor_data::reference::COSTS;
    assert!(
        !file.contains("domain notes"),
        "a file not in the repository"
    );
    // Every listed country falls in a zone of the transport table.
    for rate in &r.per_diem_abroad.rates {
        assert!(
            r.estimates
                .zone_of(Reference::embedded().countries, rate.country)
                .is_some(),
            "{}",
            rate.country
        );
    }
}

#[test]
fn bad_rules_files_are_refused() {
    let text = explor_data::reference::COSTS;
    let broken = [
        ("\"fee_per_mission\": 200", "\"fee_per_mission\": -200"),
        ("\"network_share_bp\": 5000", "\"network_share_bp\": 10001"),
        ("\"lodging_bp\": 6500", "\"lodging_bp\": 6000"),
        ("\"per_meal_bp\": 1750", "\"per_meal_bp\": 1800"),
        ("\"currency\": \"USD\"", "\"currency\": \"GBP\""),
        ("\"per_eur\": \"1.0389\"", "\"per_eur\": \"1,0389\""),
        ("\"per_eur\": \"1.0389\"", "\"per_eur\": 1.0389"),
        ("\"per_eur\": \"1.0389\"", "\"per_eur\": \"0\""),
        ("\"afrique_ouest\": 750", "\"afrique_oust\": 750"),
        ("\"SN\": 0,", "\"SN\": 0, \"XX\": 0,"),
        ("\"SN\": 0,", "\"SN\": -1,"),
        ("\"meal\": 20,", "\"meal\": 20, \"dinner\": 25,"),
        ("\"amount\": \"240\"", "\"amount\": \"0\""),
    ];
    for (from, to) in broken {
        assert!(text.contains(from), "{from}");
        let bad = text.replacen(from, to, 1);
        assert!(
            CostRules::from_json(&bad).is_err(),
            "{to} should be refused"
        );
    }
    assert!(CostRules::from_json(text).is_ok());
}

// 2. Exact decimals and conversions.

#[test]
fn exact_decimals_read_and_print_exactly() {
    let d = ExactDecimal::parse("655.957").unwrap();
    assert_eq!(d.as_fraction(), (655_957, 1000));
    assert_eq!(d.to_string(), "655.957");
    assert_eq!(d.to_french(), "655,957");
    assert_eq!(
        ExactDecimal::parse("91800").unwrap().to_french(),
        "91\u{202f}800"
    );
    assert_eq!(
        ExactDecimal::parse("161600").unwrap().to_french(),
        "161\u{202f}600"
    );
    assert_eq!(ExactDecimal::parse("1.0389").unwrap().to_french(), "1,0389");
    assert_eq!(ExactDecimal::parse("0.05").unwrap().to_string(), "0.05");
    for bad in ["", ".5", "5.", "-1", "1e3", "1,5", " 1", "1.0000000000001"] {
        assert!(ExactDecimal::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn xof_converts_exactly_to_the_cent() {
    let xof = &rules().currency("XOF").unwrap().per_eur;
    let conv = |amount: &str| to_eur(&ExactDecimal::parse(amount).unwrap(), xof).unwrap();
    // 91 800 / 655.957 = 139.94819… € → 139,95 € (not 139,94: half up on 0.819 cent).
    assert_eq!(conv("91800").cents(), 13_995);
    // 161 600 / 655.957 = 246.35761… → 246,36 €.
    assert_eq!(conv("161600").cents(), 24_636);
    // 78 000 / 655.957 = 118.91023… → 118,91 €.
    assert_eq!(conv("78000").cents(), 11_891);
    // 82 640 / 655.957 = 125.98386… → 125,98 €.
    assert_eq!(conv("82640").cents(), 12_598);
    // The parity is exact: 655.957 XOF is 1,00 €, 6 559 570 XOF is 10 000,00 €.
    assert_eq!(conv("655.957").cents(), 100);
    assert_eq!(conv("6559570").cents(), 1_000_000);
}

#[test]
fn usd_converts_at_the_dated_ecb_rate() {
    let usd = &rules().currency("USD").unwrap().per_eur;
    let conv = |amount: &str| to_eur(&ExactDecimal::parse(amount).unwrap(), usd).unwrap();
    // 220 / 1.0389 = 211.76244… → 211,76 € (Haïti).
    assert_eq!(conv("220").cents(), 21_176);
    // 150 / 1.0389 = 144.38348… → 144,38 € (Cambodge).
    assert_eq!(conv("150").cents(), 14_438);
}

#[test]
fn conversion_rounds_half_up() {
    let eight = ExactDecimal::parse("8").unwrap();
    // 1 / 8 € = 12.5 cents → 13; 3 / 8 € = 37.5 → 38; 1.01 / 8 = 12.625 → 13.
    for (amount, cents) in [("1", 13), ("3", 38), ("1.01", 13), ("2", 25)] {
        assert_eq!(
            to_eur(&ExactDecimal::parse(amount).unwrap(), &eight)
                .unwrap()
                .cents(),
            cents,
            "{amount}"
        );
    }
}

// 3. The network share and its cap.

#[test]
fn share_is_half_below_the_cap() {
    // 2 000 € → 1 000 €, remainder 1 000 €; the association pays it and the 200 € fee.
    let p = run(&flat(200_000, 1)).unwrap();
    assert_eq!(p.eligible.cents(), 200_000);
    assert_eq!(p.network_share.cents(), 100_000);
    assert_eq!(p.remainder.cents(), 100_000);
    assert_eq!(p.fee.cents(), 20_000);
    assert_eq!(p.payers.network.cents(), 100_000);
    assert_eq!(p.payers.association.cents(), 120_000);
    assert_eq!(p.payers.employer.cents(), 0);
    // Exactly at the cap: 2 800 € → 1 400 €.
    assert_eq!(
        run(&flat(280_000, 1)).unwrap().network_share.cents(),
        140_000
    );
}

#[test]
fn share_is_capped_at_1400_per_mission() {
    // 3 500 € → min(1 750 €, 1 400 €) = 1 400 €, remainder 2 100 €.
    let p = run(&flat(350_000, 1)).unwrap();
    assert_eq!(p.network_share.cents(), 140_000);
    assert_eq!(p.remainder.cents(), 210_000);
    assert_eq!(p.payers.association.cents(), 230_000);
}

#[test]
fn odd_cents_are_floored_for_the_network() {
    // 2 000,01 € / 2 = 1 000,005 € → 1 000,00 €; the remainder keeps the odd cent.
    let p = run(&flat(200_001, 1)).unwrap();
    assert_eq!(p.network_share.cents(), 100_000);
    assert_eq!(p.remainder.cents(), 100_001);
    // 0,01 € → 0 for the network.
    assert_eq!(run(&flat(1, 1)).unwrap().network_share.cents(), 0);
}

#[test]
fn several_experts_share_one_cap() {
    // 2 experts × 1 000 € = 2 000 € → 1 000 € (below the cap).
    let p = run(&flat(100_000, 2)).unwrap();
    assert_eq!(p.eligible.cents(), 200_000);
    assert_eq!(p.network_share.cents(), 100_000);
    assert_eq!(p.lines.len(), 14);
    assert_eq!(p.lines.iter().filter(|l| l.expert == 2).count(), 7);
    // 3 experts × 1 000 € = 3 000 € → 1 400 €, not 3 × 1 400 €.
    let p = run(&flat(100_000, 3)).unwrap();
    assert_eq!(p.eligible.cents(), 300_000);
    assert_eq!(p.network_share.cents(), 140_000);
    assert_eq!(p.remainder.cents(), 160_000);
    // The fee is per mission too.
    assert_eq!(p.fee.cents(), 20_000);
    assert_eq!(p.payers.association.cents(), 180_000);
}

// 4. The Kinshasa mission.

#[test]
fn kinshasa_ten_days_from_the_rules() {
    let p = run(&CostInput::new(cc("CD"), 10)).unwrap();
    let expect = [
        // Estimate: 120 €.
        (
            Category::NationalTransport,
            12_000,
            "estimation du réseau (domicile – aéroport) : 120,00\u{a0}€",
        ),
        // CD is in M49 017, Afrique centrale: 900 €.
        (
            Category::InternationalTransport,
            90_000,
            "estimation du réseau, aller-retour vers la zone Afrique centrale : 900,00\u{a0}€",
        ),
        // 10 × 3 € = 30 €.
        (
            Category::Insurance,
            3_000,
            "10 j × 3,00\u{a0}€ (estimation du réseau)",
        ),
        (
            Category::Visa,
            15_000,
            "estimation du réseau pour CD : 150,00\u{a0}€",
        ),
        // 10 × 65 % × 240 € = 1 560 €.
        (
            Category::Lodging,
            156_000,
            "10 j × 65\u{a0}% × 240,00\u{a0}€",
        ),
        // 10 × 35 % × 240 € = 840 €.
        (
            Category::PerDiem,
            84_000,
            "10 j × 35\u{a0}% × 240,00\u{a0}€",
        ),
        // 10 × 15 € = 150 €.
        (
            Category::FieldTransport,
            15_000,
            "10 j × 15,00\u{a0}€ (estimation du réseau)",
        ),
    ];
    assert_eq!(p.lines.len(), expect.len());
    for (got, (category, cents, basis)) in p.lines.iter().zip(expect) {
        assert_eq!(got.expert, 1);
        assert_eq!(got.category, category);
        assert_eq!(got.amount.cents(), cents, "{category:?}");
        assert_eq!(got.basis, basis);
    }
    // 120 + 900 + 30 + 150 + 1 560 + 840 + 150 = 3 750 € → share capped at 1 400 €.
    assert_eq!(p.eligible.cents(), 375_000);
    assert_eq!(p.network_share.cents(), 140_000);
    assert_eq!(p.remainder.cents(), 235_000);
    assert_eq!(p.payers.association.cents(), 255_000);
    assert!(p.in_kind.is_empty() && p.in_kind_total == Money::ZERO);
    assert!(p.mecenat.is_none());
}

// 5. What the partner provides.

#[test]
fn lodging_provided_moves_to_in_kind() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.lodging_provided = true;
    let p = run(&input).unwrap();
    let l = line(&p, 1, Category::Lodging);
    assert_eq!(l.amount, Money::ZERO);
    assert_eq!(
        l.basis,
        "fourni par le partenaire (en nature : 10 j × 65\u{a0}% × 240,00\u{a0}€)"
    );
    let k = in_kind(&p, Category::Lodging).unwrap();
    assert_eq!(k.amount.cents(), 156_000);
    assert_eq!(k.basis, "10 j × 65\u{a0}% × 240,00\u{a0}€");
    // 3 750 − 1 560 = 2 190 € → share 1 095 € (no longer capped).
    assert_eq!(p.eligible.cents(), 219_000);
    assert_eq!(p.network_share.cents(), 109_500);
    assert_eq!(p.in_kind_total.cents(), 156_000);
}

#[test]
fn one_meal_provided_lowers_the_per_diem_by_17_5_percent() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.meals_provided_per_day = 1;
    let p = run(&input).unwrap();
    let l = line(&p, 1, Category::PerDiem);
    // 10 × (35 % − 17,5 %) × 240 € = 420 €.
    assert_eq!(l.amount.cents(), 42_000);
    assert_eq!(
        l.basis,
        "10 j × (35\u{a0}% − 1 repas fourni × 17,5\u{a0}%) × 240,00\u{a0}€"
    );
    let k = in_kind(&p, Category::PerDiem).unwrap();
    assert_eq!(k.amount.cents(), 42_000);
    assert_eq!(k.basis, "10 j × 1 repas × 17,5\u{a0}% × 240,00\u{a0}€");
    assert_eq!(p.eligible.cents(), 375_000 - 42_000);
}

#[test]
fn two_meals_provided_leave_no_per_diem() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.meals_provided_per_day = 2;
    input.lodging_provided = true;
    input.field_transport_provided = true;
    let p = run(&input).unwrap();
    assert_eq!(line(&p, 1, Category::PerDiem).amount, Money::ZERO);
    assert_eq!(
        in_kind(&p, Category::PerDiem).unwrap().amount.cents(),
        84_000
    );
    assert_eq!(line(&p, 1, Category::FieldTransport).amount, Money::ZERO);
    let k = in_kind(&p, Category::FieldTransport).unwrap();
    assert_eq!(k.amount.cents(), 15_000);
    assert_eq!(k.basis, "10 j × 15,00\u{a0}€ (estimation du réseau)");
    // In kind: 1 560 + 840 + 150 = 2 550 €; eligible: 120 + 900 + 30 + 150 = 1 200 €.
    assert_eq!(p.in_kind_total.cents(), 255_000);
    assert_eq!(p.eligible.cents(), 120_000);
    assert_eq!(p.network_share.cents(), 60_000);
}

#[test]
fn in_kind_counts_every_expert() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.experts = 2;
    input.lodging_provided = true;
    let p = run(&input).unwrap();
    let k = in_kind(&p, Category::Lodging).unwrap();
    assert_eq!(k.amount.cents(), 2 * 156_000);
    assert_eq!(k.basis, "2 experts × 10 j × 65\u{a0}% × 240,00\u{a0}€");
    // 2 × 2 190 € = 4 380 € → 1 400 € (capped).
    assert_eq!(p.eligible.cents(), 438_000);
    assert_eq!(p.network_share.cents(), 140_000);
}

// 6. Rounding of each line.

#[test]
fn senegal_lines_are_rounded_each_on_its_own() {
    let p = run(&CostInput::new(cc("SN"), 10)).unwrap();
    let lodging = line(&p, 1, Category::Lodging);
    // R = 139,95 €: 10 × 65 % × 13 995 = 90 967,5 cents → 90 968.
    assert_eq!(lodging.amount.cents(), 90_968);
    assert_eq!(
        lodging.basis,
        "10 j × 65\u{a0}% × 139,95\u{a0}€ (91\u{202f}800 XOF à 655,957 XOF/€)"
    );
    // 10 × 35 % × 13 995 = 48 982,5 cents → 48 983: the two lines add up to one cent
    // more than 10 × R, because each is rounded.
    let per_diem = line(&p, 1, Category::PerDiem);
    assert_eq!(per_diem.amount.cents(), 48_983);
    assert_eq!(lodging.amount.cents() + per_diem.amount.cents(), 139_951);
    // SN: visa 0 €, Afrique de l'Ouest 750 €.
    assert_eq!(line(&p, 1, Category::Visa).amount, Money::ZERO);
    assert_eq!(
        line(&p, 1, Category::InternationalTransport).amount.cents(),
        75_000
    );
    // 120 + 750 + 30 + 0 + 909,68 + 489,83 + 150 = 2 449,51 € → share ⌊1 224,755⌋ = 1 224,75 €.
    assert_eq!(p.eligible.cents(), 244_951);
    assert_eq!(p.network_share.cents(), 122_475);
    assert_eq!(p.remainder.cents(), 122_476);

    // One meal: 10 × 17,5 % × 13 995 = 24 491,25 cents → 24 491, in kind the same.
    let mut input = CostInput::new(cc("SN"), 10);
    input.meals_provided_per_day = 1;
    let p = run(&input).unwrap();
    assert_eq!(line(&p, 1, Category::PerDiem).amount.cents(), 24_491);
    assert_eq!(
        in_kind(&p, Category::PerDiem).unwrap().amount.cents(),
        24_491
    );
}

#[test]
fn cambodia_in_usd_rounds_each_line() {
    let p = run(&CostInput::new(cc("KH"), 7)).unwrap();
    // R = 144,38 €; 7 × 14 438 = 101 066 cents; × 65 % = 65 692,9 → 65 693;
    // × 35 % = 35 373,1 → 35 373.
    let lodging = line(&p, 1, Category::Lodging);
    assert_eq!(lodging.amount.cents(), 65_693);
    assert_eq!(
        lodging.basis,
        "7 j × 65\u{a0}% × 144,38\u{a0}€ (150 USD à 1,0389 USD/€)"
    );
    assert_eq!(line(&p, 1, Category::PerDiem).amount.cents(), 35_373);
    // KH is in Asie du Sud-Est, M49 region 142 → zone Asie, 1 100 €; visa 30 €.
    assert_eq!(
        line(&p, 1, Category::InternationalTransport).amount.cents(),
        110_000
    );
    assert_eq!(line(&p, 1, Category::Visa).amount.cents(), 3_000);
    assert!(
        p.sources
            .iter()
            .any(|s| s.contains("Banque centrale européenne") && s.contains("(31/12/2024)"))
    );
}

// 7. Who pays.

#[test]
fn employer_pays_the_remainder_and_the_fee() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.payer = RemainderPayer::Employer;
    let p = run(&input).unwrap();
    // Remainder 2 350 € + fee 200 € = 2 550 €.
    assert_eq!(p.payers.network.cents(), 140_000);
    assert_eq!(p.payers.employer.cents(), 255_000);
    assert_eq!(p.payers.association.cents(), 0);
}

#[test]
fn split_gives_the_fee_to_the_association() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.payer = RemainderPayer::Split { employer_bp: 2500 };
    let p = run(&input).unwrap();
    // 25 % × 2 350 € = 587,50 €; the association: 1 762,50 € + 200 € = 1 962,50 €.
    assert_eq!(p.payers.employer.cents(), 58_750);
    assert_eq!(p.payers.association.cents(), 196_250);
    assert_eq!(
        p.payers.network + p.payers.association + p.payers.employer,
        p.eligible + p.fee
    );
    // An odd remainder: 1 000,01 € × 50 % = 500,005 € → 500,01 € for the employer
    // (half up), 500,00 € + 200 € for the association.
    let mut input = flat(200_001, 1);
    input.payer = RemainderPayer::Split { employer_bp: 5000 };
    let p = run(&input).unwrap();
    assert_eq!(p.payers.employer.cents(), 50_001);
    assert_eq!(p.payers.association.cents(), 70_000);
}

// 8. Reciprocity.

fn reciprocity(city: Option<&str>) -> CostInput {
    let mut input = CostInput::new(CountryCode::france(), 10);
    input.reciprocity = true;
    input.city = city.map(str::to_owned);
    input.expert_origin = Some(cc("SN"));
    input
}

#[test]
fn reciprocity_in_toulouse_uses_the_big_city_night_rate() {
    let p = run(&reciprocity(Some("Toulouse"))).unwrap();
    let lodging = line(&p, 1, Category::Lodging);
    // 10 days → 9 nights × 120 € = 1 080 €.
    assert_eq!(lodging.amount.cents(), 108_000);
    assert_eq!(
        lodging.basis,
        "9 nuits × 120,00\u{a0}€ (Toulouse : ville de 200 000 habitants et plus)"
    );
    let meals = line(&p, 1, Category::PerDiem);
    // 10 × 2 = 20 meals × 20 € = 400 €.
    assert_eq!(meals.amount.cents(), 40_000);
    assert_eq!(meals.basis, "20 repas × 20,00\u{a0}€ (10 j × 2 repas)");
    // From Afrique de l'Ouest: 750 €; Schengen visa 90 €.
    let flight = line(&p, 1, Category::InternationalTransport);
    assert_eq!(flight.amount.cents(), 75_000);
    assert!(flight.basis.contains("depuis la zone Afrique de l'Ouest"));
    assert_eq!(line(&p, 1, Category::Visa).amount.cents(), 9_000);
    // 120 + 750 + 30 + 90 + 1 080 + 400 + 150 = 2 620 € → share 1 310 €.
    assert_eq!(p.eligible.cents(), 262_000);
    assert_eq!(p.network_share.cents(), 131_000);
    assert!(
        p.sources
            .iter()
            .any(|s| s.contains("Arrêté du 20 septembre 2023"))
    );
    assert!(
        !p.sources
            .iter()
            .any(|s| s.contains("indemnités de mission à l'étranger"))
    );
}

#[test]
fn reciprocity_in_albi_uses_the_base_night_rate() {
    let p = run(&reciprocity(Some("Albi"))).unwrap();
    let lodging = line(&p, 1, Category::Lodging);
    // 9 nights × 90 € = 810 €; total 2 350 € → share 1 175 €.
    assert_eq!(lodging.amount.cents(), 81_000);
    assert_eq!(
        lodging.basis,
        "9 nuits × 90,00\u{a0}€ (Albi : taux de base)"
    );
    assert_eq!(p.eligible.cents(), 235_000);
    assert_eq!(p.network_share.cents(), 117_500);
    // Case and accents do not matter; Paris has its own rate; no city is the base rate.
    let night = |city: Option<&str>| {
        line(&run(&reciprocity(city)).unwrap(), 1, Category::Lodging)
            .amount
            .cents()
            / 9
    };
    assert_eq!(night(Some(" montpellier ")), 12_000);
    assert_eq!(night(Some("PARIS")), 14_000);
    assert_eq!(night(None), 9_000);
}

#[test]
fn reciprocity_meals_nights_and_origin_edges() {
    let mut input = reciprocity(Some("Albi"));
    input.days = 1;
    input.meals_provided_per_day = 1;
    input.lodging_provided = true;
    input.expert_origin = None;
    let p = run(&input).unwrap();
    // One day still pays one night: 90 € in kind.
    assert_eq!(line(&p, 1, Category::Lodging).amount, Money::ZERO);
    let k = in_kind(&p, Category::Lodging).unwrap();
    assert_eq!(k.amount.cents(), 9_000);
    assert_eq!(k.basis, "1 nuit × 90,00\u{a0}€ (Albi : taux de base)");
    // 1 meal paid, 1 provided.
    assert_eq!(line(&p, 1, Category::PerDiem).amount.cents(), 2_000);
    assert_eq!(
        in_kind(&p, Category::PerDiem).unwrap().amount.cents(),
        2_000
    );
    // Unknown origin: the default flight, 900 €.
    let flight = line(&p, 1, Category::InternationalTransport);
    assert_eq!(flight.amount.cents(), 90_000);
    assert!(flight.basis.contains("origine non précisée"));
}

// 9. Errors.

#[test]
fn a_country_without_a_rate_needs_an_override() {
    let err = run(&CostInput::new(cc("PE"), 10)).unwrap_err();
    assert_eq!(err, CostError::NoPerDiemRate { country: cc("PE") });
    assert_eq!(err.to_string(), "pas de taux de per diem pour PE");

    let mut input = CostInput::new(cc("PE"), 10);
    input.overrides.per_diem_daily = Some(eur_(100));
    let p = run(&input).unwrap();
    let lodging = line(&p, 1, Category::Lodging);
    assert_eq!(lodging.amount.cents(), 65_000);
    assert_eq!(
        lodging.basis,
        "10 j × 65\u{a0}% × 100,00\u{a0}€ (taux donné)"
    );
    // Peru: Amérique du Sud → zone Amériques et Caraïbes, 1 000 €; visa by default 80 €.
    assert_eq!(
        line(&p, 1, Category::InternationalTransport).amount.cents(),
        100_000
    );
    let visa = line(&p, 1, Category::Visa);
    assert_eq!(visa.amount.cents(), 8_000);
    assert_eq!(
        visa.basis,
        "estimation du réseau par défaut (PE non listé) : 80,00\u{a0}€"
    );
}

#[test]
fn bad_inputs_are_refused_with_typed_errors() {
    let base = CostInput::new(cc("CD"), 10);
    let with = |f: &dyn Fn(&mut CostInput)| {
        let mut input = base.clone();
        f(&mut input);
        run(&input).unwrap_err()
    };
    assert_eq!(with(&|i| i.days = 0), CostError::DaysOutOfRange { days: 0 });
    assert_eq!(
        with(&|i| i.days = 367),
        CostError::DaysOutOfRange { days: 367 }
    );
    assert_eq!(with(&|i| i.experts = 0), CostError::NoExpert);
    assert_eq!(
        with(&|i| i.experts = MAX_EXPERTS + 1),
        CostError::TooManyExperts {
            experts: MAX_EXPERTS + 1
        }
    );
    assert_eq!(
        with(&|i| i.meals_provided_per_day = 3),
        CostError::TooManyMeals { given: 3, max: 2 }
    );
    assert_eq!(
        with(&|i| i.payer = RemainderPayer::Split {
            employer_bp: 10_001
        }),
        CostError::SplitOutOfRange {
            employer_bp: 10_001
        }
    );
    assert!(matches!(
        with(&|i| i.overrides.visa = Some(Money::from_cents(-1))),
        CostError::Negative {
            what: "le visa",
            ..
        }
    ));
    assert_eq!(
        with(&|i| i.reciprocity = true),
        CostError::ReciprocityAbroad { country: cc("CD") }
    );
    // Absurd amounts are an error, not an overflow.
    let mut huge = flat(i64::MAX / 2, 3);
    huge.payer = RemainderPayer::Employer;
    assert_eq!(run(&huge).unwrap_err(), CostError::TooLarge);
    // The edges are accepted.
    for days in [1, 366] {
        let mut input = base.clone();
        input.days = days;
        assert!(run(&input).is_ok(), "{days}");
    }
}

#[test]
fn a_city_with_its_own_rate_takes_it_and_cites_its_text() {
    // Togo: Lomé 95 771 XOF a day, elsewhere 82 640 XOF (at 655,957 XOF/€).
    let lodging_and_meals = |city: Option<&str>| {
        let mut input = CostInput::new(cc("TG"), 10);
        input.city = city.map(str::to_owned);
        let p = run(&input).unwrap();
        let stay: i64 = p
            .lines
            .iter()
            .filter(|l| matches!(l.category, Category::Lodging | Category::PerDiem))
            .map(|l| l.amount.cents())
            .sum();
        (stay, p)
    };
    let (lome, plan_lome) = lodging_and_meals(Some("lome"));
    let (kpalime, plan_kpalime) = lodging_and_meals(Some("Kpalimé"));
    let (unsaid, _) = lodging_and_meals(None);
    // 95 771 / 655,957 = 146,00 € and 82 640 / 655,957 = 125,98 € a day, for 10 days.
    assert_eq!(lome, 146_000, "{:?}", plan_lome.lines);
    assert_eq!(kpalime, 125_980, "{:?}", plan_kpalime.lines);
    assert_eq!(unsaid, kpalime, "no city: the country's rate");
    let basis = |p: &CostPlan| {
        p.lines
            .iter()
            .map(|l| l.basis.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(
        basis(&plan_lome).contains("taux de Lomé"),
        "{}",
        basis(&plan_lome)
    );
    assert!(
        plan_lome
            .sources
            .iter()
            .any(|s| s.contains("Lomé") && s.contains("08/07/2024"))
    );
    assert!(
        plan_kpalime
            .sources
            .iter()
            .any(|s| s.contains("21 novembre 2025")),
        "{:?}",
        plan_kpalime.sources
    );
}

#[test]
fn a_rate_in_an_unknown_currency_is_an_error() {
    let mut r = rules().clone();
    r.per_diem_abroad.rates.push(PerDiemRate {
        country: cc("GB"),
        name_fr: None,
        amount: ExactDecimal::parse("200").unwrap(),
        currency: "GBP".to_owned(),
        source: None,
        since: None,
        by_city: Vec::new(),
    });
    let err = plan(&r, &Reference::embedded(), &CostInput::new(cc("GB"), 7)).unwrap_err();
    assert_eq!(
        err,
        CostError::UnknownCurrency {
            currency: "GBP".into(),
            country: cc("GB")
        }
    );
}

// 10. Mécénat.

#[test]
fn mecenat_60_percent_of_cash_and_valued_time() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.payer = RemainderPayer::Employer;
    input.daily_cost = Some(eur_(350));
    let m = run(&input).unwrap().mecenat.unwrap();
    assert!(m.estimate);
    // Cash: the remainder 2 350 € (not the fee).
    assert_eq!(m.cash.cents(), 235_000);
    // Time: 10 × 350 € = 3 500 €, under the cap 12 015 € × 10 / 30 = 4 005 €.
    assert_eq!(m.valued_time.cents(), 350_000);
    assert!(!m.time_capped);
    // Gift 5 850 € × 60 % = 3 510 €, under the 20 000 € cap.
    assert_eq!(m.gift.cents(), 585_000);
    assert_eq!(m.reduction.cents(), 351_000);
    assert_eq!(m.yearly_cap.cents(), 2_000_000);
    assert_eq!(m.reduction_this_year.cents(), 351_000);
    assert_eq!(m.carried_forward, Money::ZERO);
    assert_eq!(m.net_cost.cents(), 585_000 - 351_000);
    assert!(
        m.assumptions
            .iter()
            .any(|a| a.contains("4\u{202f}005,00\u{a0}€"))
    );
    assert!(
        m.assumptions
            .iter()
            .any(|a| a.contains("plafond annuel de 20\u{202f}000,00\u{a0}€"))
    );
}

#[test]
fn mecenat_values_time_within_three_pmss() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.experts = 2;
    input.daily_cost = Some(eur_(500));
    // The association pays the remainder; lending two employees is still a gift.
    let m = run(&input).unwrap().mecenat.unwrap();
    assert_eq!(m.cash, Money::ZERO);
    // 10 × 500 € = 5 000 € > 4 005 € per expert → 2 × 4 005 € = 8 010 €.
    assert_eq!(m.valued_time.cents(), 801_000);
    assert!(m.time_capped);
    // 8 010 € × 60 % = 4 806 €.
    assert_eq!(m.reduction.cents(), 480_600);
    assert!(m.assumptions.iter().any(|a| a.contains("limite atteinte")));

    // Nothing paid and no time given: no estimate.
    assert!(
        run(&CostInput::new(cc("CD"), 10))
            .unwrap()
            .mecenat
            .is_none()
    );
}

#[test]
fn mecenat_40_percent_above_two_million() {
    // 3 000 000 € eligible − 1 400 € = 2 998 600 € paid by the employer.
    let mut input = flat(300_000_000, 1);
    input.payer = RemainderPayer::Employer;
    let m = run(&input).unwrap().mecenat.unwrap();
    assert_eq!(m.gift.cents(), 299_860_000);
    // 60 % × 2 000 000 € + 40 % × 998 600 € = 1 200 000 € + 399 440 € = 1 599 440 €.
    assert_eq!(m.reduction.cents(), 159_944_000);
    // No turnover: capped at 20 000 €, the rest carried forward.
    assert_eq!(m.reduction_this_year.cents(), 2_000_000);
    assert_eq!(m.carried_forward.cents(), 157_944_000);
    assert!(
        m.assumptions
            .iter()
            .any(|a| a.contains("5 exercices suivants"))
    );
    // Turnover 1 000 000 000 €: 5 ‰ = 5 000 000 € → all of it this year.
    input.turnover = Some(eur_(1_000_000_000));
    let m = run(&input).unwrap().mecenat.unwrap();
    assert_eq!(m.yearly_cap.cents(), 500_000_000);
    assert_eq!(m.reduction_this_year.cents(), 159_944_000);
    assert_eq!(m.carried_forward, Money::ZERO);
}

#[test]
fn mecenat_yearly_cap_is_the_higher_of_20000_and_5_per_mille() {
    // 101 400 € eligible → the employer pays 100 000 €; 60 % = 60 000 €.
    let mut input = flat(10_140_000, 1);
    input.payer = RemainderPayer::Employer;
    // Turnover 2 000 000 €: 5 ‰ = 10 000 € < 20 000 € → cap 20 000 €.
    input.turnover = Some(eur_(2_000_000));
    let m = run(&input).unwrap().mecenat.unwrap();
    assert_eq!(m.reduction.cents(), 6_000_000);
    assert_eq!(m.yearly_cap.cents(), 2_000_000);
    assert_eq!(m.reduction_this_year.cents(), 2_000_000);
    assert_eq!(m.carried_forward.cents(), 4_000_000);
    // Turnover 10 000 000 €: 5 ‰ = 50 000 € > 20 000 € → cap 50 000 €.
    input.turnover = Some(eur_(10_000_000));
    let m = run(&input).unwrap().mecenat.unwrap();
    assert_eq!(m.yearly_cap.cents(), 5_000_000);
    assert_eq!(m.reduction_this_year.cents(), 5_000_000);
    assert_eq!(m.carried_forward.cents(), 1_000_000);
    assert_eq!(m.net_cost.cents(), 10_000_000 - 5_000_000);
}

#[test]
fn mecenat_counts_only_the_employers_part_of_a_split() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.payer = RemainderPayer::Split { employer_bp: 2500 };
    let m = run(&input).unwrap().mecenat.unwrap();
    // 25 % of 2 350 € = 587,50 €; × 60 % = 352,50 €.
    assert_eq!(m.cash.cents(), 58_750);
    assert_eq!(m.reduction.cents(), 35_250);
}

// 11. Sources and JSON.

#[test]
fn sources_name_every_rule_used_with_its_date() {
    let mut input = CostInput::new(cc("SN"), 10);
    input.payer = RemainderPayer::Employer;
    let p = run(&input).unwrap();
    let has = |needle: &str, date: &str| {
        p.sources
            .iter()
            .any(|s| s.contains(needle) && s.ends_with(&format!("({date})")))
    };
    assert!(has("Combien coûte une mission Explor", "novembre 2026"));
    assert!(has("Arrêté du 3 juillet 2006 fixant les taux", "2025"));
    assert!(has("article 2", "03/07/2006"));
    assert!(has("655,957 XOF", "01/01/1999"));
    assert!(has("Estimations du réseau", "novembre 2026"));
    assert!(has("article 238 bis", "01/01/2026"));
    let unique: std::collections::BTreeSet<_> = p.sources.iter().collect();
    assert_eq!(unique.len(), p.sources.len());
}

#[test]
fn plan_serialises_with_cents_keys() {
    let mut input = CostInput::new(cc("CD"), 10);
    input.payer = RemainderPayer::Employer;
    input.lodging_provided = true;
    let p = run(&input).unwrap();
    let v = serde_json::to_value(&p).unwrap();
    // A stored plan reads back unchanged.
    assert_eq!(serde_json::from_value::<CostPlan>(v.clone()).unwrap(), p);
    assert_eq!(v["eligible_cents"], 219_000);
    assert_eq!(v["network_share_cents"], 109_500);
    assert_eq!(v["remainder_cents"], 109_500);
    assert_eq!(v["fee_cents"], 20_000);
    assert_eq!(v["in_kind_cents"], 156_000);
    assert_eq!(
        v["payers"],
        serde_json::json!({"network": 109_500, "association": 0, "employer": 129_500})
    );
    assert_eq!(
        v["lines"][4],
        serde_json::json!({
            "expert": 1, "category": "lodging", "amount_cents": 0,
            "basis": "fourni par le partenaire (en nature : 10 j × 65\u{a0}% × 240,00\u{a0}€)"
        })
    );
    assert_eq!(v["lines"][0]["category"], "national_transport");
    assert_eq!(v["mecenat"]["estimate"], true);
    assert_eq!(v["mecenat"]["cash_cents"], 109_500);
    assert!(v["sources"].as_array().is_some_and(|s| !s.is_empty()));
    // No employer share: no `mecenat` key.
    let v = serde_json::to_value(run(&CostInput::new(cc("CD"), 10)).unwrap()).unwrap();
    assert!(v.get("mecenat").is_none());
}

#[test]
fn french_notation() {
    assert_eq!(eur(Money::from_cents(140_000)), "1\u{202f}400,00\u{a0}€");
    assert_eq!(eur(Money::from_cents(13_995)), "139,95\u{a0}€");
    assert_eq!(eur(Money::from_cents(5)), "0,05\u{a0}€");
    assert_eq!(
        eur(Money::from_cents(123_456_789)),
        "1\u{202f}234\u{202f}567,89\u{a0}€"
    );
    assert_eq!(pct(6500), "65\u{a0}%");
    assert_eq!(pct(1750), "17,5\u{a0}%");
    assert_eq!(pct(50), "0,5\u{a0}%");
    assert_eq!(pct(1), "0,01\u{a0}%");
}

// 12. Invariants over random inputs.

fn payer() -> impl Strategy<Value = RemainderPayer> {
    prop_oneof![
        Just(RemainderPayer::Association),
        Just(RemainderPayer::Employer),
        (0u32..=10_000).prop_map(|employer_bp| RemainderPayer::Split { employer_bp }),
    ]
}

proptest! {
    #[test]
    fn payers_add_up_and_provided_costs_move_to_in_kind(
        country in prop::sample::select(vec!["CD", "SN", "ML", "HT", "KH", "MA", "VN"]),
        days in 1u32..=30,
        experts in 1u32..=4,
        meals in 0u8..=2,
        lodging in any::<bool>(),
        field in any::<bool>(),
        payer in payer(),
        daily in prop::option::of(0i64..=80_000),
    ) {
        let mut input = CostInput::new(cc(country), days);
        input.experts = experts;
        input.meals_provided_per_day = meals;
        input.lodging_provided = lodging;
        input.field_transport_provided = field;
        input.payer = payer;
        input.daily_cost = daily.map(Money::from_cents);
        let p = run(&input).unwrap();

        let sum: i64 = p.lines.iter().map(|l| l.amount.cents()).sum();
        prop_assert_eq!(sum, p.eligible.cents());
        prop_assert_eq!(p.lines.len(), 7 * experts as usize);
        prop_assert_eq!(
            p.network_share.cents(),
            (p.eligible.cents() / 2).min(140_000)
        );
        prop_assert_eq!(
            p.payers.network + p.payers.association + p.payers.employer,
            p.eligible + p.fee
        );
        prop_assert!(p.payers.association.cents() >= 0 && p.payers.employer.cents() >= 0);

        // Nothing provided: no in kind, and the same total within a cent per expert
        // (the meals' 17,5 % parts are rounded on their own).
        let mut bare = input.clone();
        bare.meals_provided_per_day = 0;
        bare.lodging_provided = false;
        bare.field_transport_provided = false;
        let b = run(&bare).unwrap();
        prop_assert_eq!(b.in_kind_total, Money::ZERO);
        let moved = p.eligible.cents() + p.in_kind_total.cents() - b.eligible.cents();
        prop_assert!(moved.abs() <= i64::from(experts), "{}", moved);

        if let Some(m) = &p.mecenat {
            prop_assert!(m.reduction_this_year <= m.yearly_cap);
            prop_assert_eq!(m.reduction_this_year + m.carried_forward, m.reduction);
            prop_assert_eq!(m.gift, m.cash + m.valued_time);
        }
    }
}
