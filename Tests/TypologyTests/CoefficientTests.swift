import Testing
@testable import Typology

@Suite struct CoefficientTests {
    /// The 2×2 table of Wikipedia's "Cohen's kappa" example, 50 units:
    /// both yes 20, A yes B no 5, A no B yes 10, both no 15.
    /// p_o = 35/50 = 0.7; A says yes 25/50, B 30/50: p_e = 0.5·0.6 + 0.5·0.4 = 0.5;
    /// κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    @Test func cohensKappaOfATwoByTwoTable() {
        let pairs = Array(repeating: (true, true), count: 20) + Array(repeating: (true, false), count: 5)
            + Array(repeating: (false, true), count: 10) + Array(repeating: (false, false), count: 15)
        let kappa = cohenKappa(pairs)
        #expect(abs(kappa.value! - 0.4) < 1e-12)
        #expect(abs(kappa.observed! - 0.7) < 1e-12)
        #expect(kappa.reason == nil)
    }

    /// Three values, 13 units: (a,a)×5 (b,b)×3 (c,c)×2 (a,b)×2 (b,c)×1.
    /// Agreeing 10; first annotator a 7, b 4, c 2; second a 5, b 5, c 3;
    /// Σ n1·n2 = 35 + 20 + 6 = 61; κ = (13·10 − 61) / (13² − 61) = 69/108.
    @Test func cohensKappaOfThreeValues() {
        let pairs = Array(repeating: ("a", "a"), count: 5) + Array(repeating: ("b", "b"), count: 3)
            + Array(repeating: ("c", "c"), count: 2) + Array(repeating: ("a", "b"), count: 2) + [("b", "c")]
        let kappa = cohenKappa(pairs)
        #expect(abs(kappa.value! - 69.0 / 108.0) < 1e-12)
        #expect(abs(kappa.observed! - 10.0 / 13.0) < 1e-12)
    }

    @Test func kappaIsUndefinedWithoutVariation() {
        let kappa = cohenKappa(Array(repeating: (false, false), count: 4))
        #expect(kappa.value == nil)
        #expect(kappa.observed == 1)
        #expect(kappa.reason == Coefficient.noVariation)
        // Opposite constant annotators: p_o = 0, p_e = 0, κ = 0 (defined).
        #expect(cohenKappa(Array(repeating: (true, false), count: 4)).value == 0)
        #expect(cohenKappa([(Bool, Bool)]()).value == nil)
    }

    /// The worked example of Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
    /// nominal data, 4 observers × 12 units, with missing values (unit 1 lacks C; 10 lacks A;
    /// 11 has C, D only; 12 has B only, so it is not pairable).
    /// Coincidences (values 1-5): o_11 = 7, o_22 = 10, o_33 = 8, o_44 = 4, o_55 = 3 and the
    /// off-diagonal ones sum to 8; n_c = 9, 13, 10, 5, 3; n = 40.
    /// α = 1 − (n − 1) Σ_{c≠k} o_ck / (n² − Σ n_c²) = 1 − 39·8 / (1600 − 384) = 1 − 312/1216
    /// = 113/152 ≈ 0.743 (the paper's value; the `krippendorff` package gives 0.743421).
    @Test func krippendorffsWorkedExample() {
        let a: [Int?] = [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil]
        let b: [Int?] = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3]
        let c: [Int?] = [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil]
        let d: [Int?] = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil]
        let units = (0 ..< 12).map { [a[$0], b[$0], c[$0], d[$0]] }
        let alpha = krippendorffAlpha(units)
        #expect(abs(alpha.value! - 113.0 / 152.0) < 1e-12)
        #expect(abs(alpha.observed! - 32.0 / 40.0) < 1e-12)
    }

    @Test func alphaIsUndefinedWithoutPairsOrVariation() {
        #expect(krippendorffAlpha([[1, nil], [nil, 2]] as [[Int?]]).reason == "no unit has two or more judgements")
        let constant = krippendorffAlpha([[true, true, nil], [true, nil, true]] as [[Bool?]])
        #expect(constant.value == nil)
        #expect(constant.observed == 1)
        #expect(constant.reason == Coefficient.noVariation)
    }
}
