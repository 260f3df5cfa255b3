extension Typology {
    /// MQM as used in the WMT human evaluation of machine translation (Freitag et al., "Experts,
    /// errors, and context", TACL 2021, and the WMT metrics tasks since 2020).
    ///
    /// The names are WMT's, so that tags exported from errata line up with the published MQM
    /// annotations. Severities follow WMT's scoring (major 5, minor 1, neutral 0); the weights
    /// are not part of the typology because the tallies count errors rather than score them.
    public static let mqm = Typology(name: "MQM", severities: ["neutral", "minor", "major"], categories: [
        Category("Accuracy", "The target does not accurately reflect the source.", key: "1", children: [
            Category("Mistranslation", "The target does not represent the source's meaning."),
            Category("Addition", "The target includes content not present in the source."),
            Category("Omission", "Content of the source is missing from the target."),
            Category("Untranslated", "Content that should have been translated was left in the source language."),
        ]),
        Category("Fluency", "The target has problems of form, independent of the source.", key: "2", children: [
            Category("Grammar", "Grammar or syntax is wrong, other than spelling."),
            Category("Spelling", "Spelling, capitalisation or white space is wrong."),
            Category("Punctuation", "Punctuation is wrong for the locale or style."),
            Category("Register", "The wrong grammatical register, e.g. informal pronouns where formal ones are due."),
            Category("Inconsistency", "The text contradicts itself in form (not in terminology)."),
            Category("Character encoding", "Characters are garbled by a wrong encoding."),
        ]),
        Category("Terminology", "A domain term is translated other than as the domain expects.", key: "3", children: [
            Category("Inappropriate for context", "The term is not the standard one or does not fit the context."),
            Category("Inconsistent", "A term is translated in more than one way."),
        ]),
        Category("Style", "The text has stylistic problems.", key: "4", children: [
            Category("Awkward", "Literal, unidiomatic or awkward wording."),
        ]),
        Category("Locale convention", "The target breaks the target locale's formatting conventions.", key: "5", children: [
            Category("Address format", "An address is formatted wrongly for the locale."),
            Category("Date format", "A date is formatted wrongly for the locale."),
            Category("Currency format", "An amount of money is formatted wrongly for the locale."),
            Category("Telephone format", "A telephone number is formatted wrongly for the locale."),
            Category("Time format", "A time is formatted wrongly for the locale."),
            Category("Name format", "A personal name is formatted wrongly for the locale."),
        ]),
        Category("Other", "Any other problem; say what in the note.", key: "6"),
        Category("Non-translation", "The output is not a translation of the source at all.", key: "7"),
        Category("Source error", "The problem is in the source, not in the translation.", key: "8"),
    ])
}
