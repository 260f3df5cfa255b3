import Testing
import ErrataCore

/// The literal expected values of sacrebleu 2.6.0's own test suite (`test/test_chrf.py`,
/// `test/test_bleu.py`, `test/test_sentence_bleu.py`, `test/test_ter.py`), reproduced with errata's
/// metrics. Each group names the sacrebleu test it comes from; tolerances are sacrebleu's.
@Suite struct SacrebleuSuiteTests {
    func corpus(_ metric: any TextPairMetric, _ hypotheses: [String], _ references: [[String]]) -> Double {
        // sacrebleu passes reference streams; errata passes each pair's references.
        let perPair = hypotheses.indices.map { index in references.map { $0[index] } }
        return SacrebleuFixtures.corpusScore(metric, hypotheses: hypotheses, references: perPair)
    }

    // test_chrf.py: test_chrf (beta 3, epsilon smoothing).
    @Test(arguments: [
        (["abcdefg"], ["hijklmnop"], 0.0),
        (["a"], ["b"], 0.0),
        ([""], ["b"], 0.0),
        ([""], ["reference"], 0.0),
        (["aa"], ["ab"], 8.3333),
        (["a", "b"], ["a", "c"], 8.3333),
        (["a"], ["a"], 16.6667),
        (["a b c"], ["a b c"], 50.0),
        (["a b c"], ["abc"], 50.0),
        ([" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."],
         ["risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."], 63.361730),
        ([" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "],
         ["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."], 64.1302698),
        (["Niemand hat die Absicht, eine Mauer zu errichten"], ["Niemand hat die Absicht, eine Mauer zu errichten"], 100.0),
    ])
    func chrfEpsilonSmoothing(hypotheses: [String], references: [String], expected: Double) {
        let score = corpus(ChrF(beta: 3, epsSmoothing: true), hypotheses, [references])
        #expect(abs(score - expected) < 1e-4)
    }

    // test_chrf.py: test_chrf_eff_order (beta 3, sacrebleu's default effective-order averaging).
    @Test(arguments: [
        (["a"], ["a"], 100.0),
        ([""], ["reference"], 0.0),
        (["a b c"], ["a b c"], 100.0),
        (["a b c"], ["abc"], 100.0),
        ([""], ["c"], 0.0),
        (["a", "b"], ["a", "c"], 50.0),
        (["aa"], ["ab"], 25.0),
    ])
    func chrfEffectiveOrder(hypotheses: [String], references: [String], expected: Double) {
        #expect(abs(corpus(ChrF(beta: 3), hypotheses, [references]) - expected) < 1e-4)
    }

    // test_chrf.py: test_chrf_keep_whitespace.
    @Test(arguments: [
        (["Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."],
         ["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."], 67.3481606),
        (["risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."],
         ["risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."], 65.2414427),
    ])
    func chrfKeepWhitespace(hypotheses: [String], references: [String], expected: Double) {
        #expect(abs(corpus(ChrF(beta: 3, whitespace: true), hypotheses, [references]) - expected) < 1e-4)
    }

    // test_chrf.py: test_chrf_sentence_level.
    @Test(arguments: [
        ("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
         "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.", 39.14078509),
        ("Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
         "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.", 31.22557079),
        ("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
         "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.", 57.15704367),
    ])
    func chrfSentenceLevel(hypothesis: String, reference: String, expected: Double) {
        let score = ChrF(epsSmoothing: true).sentenceScore(hypothesis: hypothesis, references: [reference])
        #expect(abs(score - expected) < 1e-4)
    }

    static let hypotheses = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."]
    static let references = [
        ["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
        ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."],
    ]

    // test_bleu.py: test_corpus_bleu.
    @Test func corpusBLEU() {
        let cases: [(BLEU, [String], Double)] = [
            (BLEU(), Self.hypotheses, 48.530827),
            (BLEU(), ["", "", ""], 0.0),
            (BLEU(tokenizer: .none), Self.hypotheses, 49.1919566),
            (BLEU(tokenizer: .thirteenA), Self.hypotheses, 48.530827),
            (BLEU(tokenizer: .intl), Self.hypotheses, 43.91623493),
            (BLEU(smoothing: .none), Self.hypotheses, 48.530827),
        ]
        for (metric, hypotheses, expected) in cases {
            #expect(abs(corpus(metric, hypotheses, Self.references) - expected) < 1e-8)
        }
    }

    // test_bleu.py: test_max_ngram_order (compared as two-decimal strings there).
    @Test(arguments: [(1, 77.65), (2, 60.50), (3, 53.93), (4, 48.53), (5, 46.14), (6, 43.28)])
    func maxOrder(order: Int, expected: Double) {
        let score = corpus(BLEU(maxOrder: order), Self.hypotheses, Self.references)
        #expect(abs(score - expected) < 0.005)
    }

    /// sacrebleu's `raw_corpus_bleu`: no tokenization, floor smoothing, effective order.
    func rawCorpusBLEU(_ hypotheses: [String], _ references: [[String]], floor: Double = 0.1) -> Double {
        corpus(BLEU(tokenizer: .none, smoothing: .floor(floor), effectiveOrder: true), hypotheses, references) / 100
    }

    // test_bleu.py: test_raw_bleu, test_effective_order and test_offset.
    @Test func rawBLEU() {
        #expect(abs(rawCorpusBLEU(["this is a test", "another test"], [["ref1", "ref2"]], floor: 0.01) - 0) < 1e-8)
        #expect(abs(rawCorpusBLEU(["this is a test"], [["this is a test"]], floor: 0.01) - 1) < 1e-8)
        #expect(abs(rawCorpusBLEU(["this is a fest"], [["this is a test"]], floor: 0.01) - 0.223606797749979) < 1e-8)
        #expect(abs(rawCorpusBLEU(["test"], [["a test"]], floor: 0.01) - 0.3678794411714425) < 1e-8)
        #expect(abs(rawCorpusBLEU(["a test"], [["a test"]], floor: 0.01) - 1) < 1e-8)
        #expect(abs(rawCorpusBLEU(["a little test"], [["a test"]], floor: 0.01) - 0.03218297948685433) < 1e-8)
        let offsetCase = (["am I am a character sequence"], [["I am a symbol string sequence a a"]])
        #expect(abs(rawCorpusBLEU(offsetCase.0, offsetCase.1, floor: 0) - 0) < 1e-8)
        #expect(abs(rawCorpusBLEU(offsetCase.0, offsetCase.1) - 0.1555722182) < 1e-8)
    }

    // test_bleu.py: test_statistics (matched and total n-grams per order).
    @Test func bleuStatistics() {
        let metric = BLEU(tokenizer: .none)
        var statistics = [Double](repeating: 0, count: metric.statisticsCount)
        statistics.withUnsafeMutableBufferPointer {
            metric.statistics(
                hypothesis: "am I am a character sequence", references: ["I am a symbol string sequence a a"], into: $0)
        }
        #expect(statistics == [6, 8, 4, 2, 1, 0, 6, 5, 4, 3])
    }

    // test_bleu.py: test_scoring and test_degenerate_statistics (scores from given statistics).
    @Test func bleuFromStatistics() {
        // Layout: hypothesis length, reference length, matches per order, totals per order.
        #expect(abs(BLEU().score([11, 11, 9, 7, 5, 3, 10, 8, 6, 4]) / 100 - 0.8375922397) < 1e-8)
        let degenerate: [([Double], Double)] = [
            ([0, 1, 0, 0, 0, 0, 4, 4, 2, 1], 0.0),
            ([14, 10, 0, 0, 0, 0, 10, 11, 12, 0], 0.0),
            ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.0),
            ([6, 6, 6, 5, 4, 0, 6, 5, 4, 3], 0.0),
            ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.1),
            ([1, 5, 0, 0, 0, 0, 0, 0, 0, 0], 0.01),
        ]
        for (statistics, floor) in degenerate {
            #expect(BLEU(smoothing: .floor(floor)).score(statistics) == 0)
        }
    }

    static let sentenceHypothesis = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;"
    static let sentenceReference = "producţia de zahăr brut se exprimă în zahăr alb;"

    // test_sentence_bleu.py: test_api_sentence_bleu (the tokenizers errata has) and
    // test_api_sentence_bleu_zero.
    @Test(arguments: [
        (BLEU.Smoothing.exp, BLEU.Tokenizer.thirteenA, 8.493),
        (.none, .thirteenA, 0.0),
        (.floor(), .thirteenA, 4.51688),
        (.floor(0.5), .thirteenA, 10.10),
        (.addK(), .thirteenA, 14.882),
        (.addK(2), .thirteenA, 21.389),
        (.exp, .none, 7.347),
        (.exp, .intl, 8.493),
    ])
    func sentenceBLEU(smoothing: BLEU.Smoothing, tokenizer: BLEU.Tokenizer, expected: Double) {
        let metric = BLEU(tokenizer: tokenizer, smoothing: smoothing)
        let score = metric.sentenceScore(hypothesis: Self.sentenceHypothesis, references: [Self.sentenceReference])
        #expect(abs(score - expected) < 1e-3)
        #expect(metric.sentenceScore(hypothesis: "this is a cat", references: ["okay thanks"]) == 0)
    }

    // test_ter.py: test_ter.
    @Test func ter() {
        let cases: [([String], [String], Double)] = [
            (["aaaa bbbb cccc dddd"], ["aaaa bbbb cccc dddd"], 0),
            (["dddd eeee ffff"], ["aaaa bbbb cccc"], 1),
            ([""], ["a"], 1),
            (["a"], [""], 1),
            ([""], [""], 0),
            (["d e f g h a b c"], ["a b c d e f g h"], 1.0 / 8),
            (Self.terHypotheses, Self.terReferences, 0.136),
        ]
        for (hypotheses, references, expected) in cases {
            #expect(abs(corpus(TER(), hypotheses, [references]) - 100 * expected) < 1e-3)
        }
    }

    static let terHypotheses = [
        "wählen Sie \" Bild neu berechnen , \" um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu entfernen , damit das Bild ungefähr dieselbe Größe aufweist wie die andere Größe .",
        "wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des Aufgabenbedienfelds die Option \" Alle Aufgaben aktualisieren . \"",
        "klicken Sie auf der Registerkarte \" Optionen \" auf die Schaltfläche \" Benutzerdefiniert \" und geben Sie Werte für \" Fehlerkorrektur-Level \" und \" Y / X-Verhältnis \" ein .",
        "Sie können beispielsweise ein Dokument erstellen , das ein Auto über die Bühne enthält .",
        "wählen Sie im Dialogfeld \" Neu aus Vorlage \" eine Vorlage aus und klicken Sie auf \" Neu . \"",
    ]
    static let terReferences = [
        "wählen Sie \" Bild neu berechnen , \" um beim Ändern der Bildgröße Pixel hinzuzufügen oder zu entfernen , damit die Darstellung des Bildes in einer anderen Größe beibehalten wird .",
        "wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im Menü des Aufgabenbedienfelds die Option \" Alle Aufgaben aktualisieren . \"",
        "klicken Sie auf der Registerkarte \" Optionen \" auf die Schaltfläche \" Benutzerdefiniert \" und geben Sie für \" Fehlerkorrektur-Level \" und \" Y / X-Verhältnis \" niedrigere Werte ein .",
        "Sie können beispielsweise ein Dokument erstellen , das ein Auto enthalt , das sich über die Bühne bewegt .",
        "wählen Sie im Dialogfeld \" Neu aus Vorlage \" eine Vorlage aus und klicken Sie auf \" Neu . \"",
    ]
}
