extension Typology {
    /// The error classes of Vilar, Xu, D'Haro and Ney, "Error analysis of statistical machine
    /// translation output" (LREC 2006), the first widely used hierarchy for machine translation
    /// errors. It has no severities.
    public static let vilar2006 = Typology(name: "Vilar et al. (2006)", categories: [
        Category("Missing words", "A word of the source has no counterpart in the output.", key: "1", children: [
            Category("Content words", "A missing word carries meaning (noun, verb, adjective, ...)."),
            Category("Filler words", "A missing word is a function word (article, preposition, ...)."),
        ]),
        Category("Word order", "The right words stand in the wrong order.", key: "2", children: [
            Category("Word level", "Single words are misplaced.", children: [
                Category("Local range", "A word is misplaced within a few positions."),
                Category("Long range", "A word is misplaced across the sentence."),
            ]),
            Category("Phrase level", "Whole phrases are misplaced.", children: [
                Category("Local range", "A phrase is misplaced next to its right position."),
                Category("Long range", "A phrase is misplaced across the sentence."),
            ]),
        ]),
        Category("Incorrect words", "A word is translated wrongly.", key: "3", children: [
            Category("Sense", "The word has the wrong meaning.", children: [
                Category("Wrong lexical choice", "A wrong translation of an unambiguous word."),
                Category("Incorrect disambiguation", "The wrong sense of an ambiguous word."),
            ]),
            Category("Incorrect form", "The right word in the wrong form (inflection, agreement)."),
            Category("Extra words", "A word with no counterpart in the source."),
            Category("Style", "A correct but stylistically poor choice."),
            Category("Idioms", "An idiom translated word for word."),
        ]),
        Category("Unknown words", "A source word the system could not translate.", key: "4", children: [
            Category("Unknown stem", "The word was never seen in training."),
            Category("Unseen forms", "The stem is known but this form of it is not."),
        ]),
        Category("Punctuation", "Punctuation is missing, extra or wrong.", key: "5"),
    ])
}
