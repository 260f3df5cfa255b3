extension Typology {
    /// A general typology for the errors of text classifiers: the phenomena error analyses of
    /// sentiment, NLI and topic classifiers keep finding, plus the data's own errors (label
    /// noise), which must be counted apart so that they are not blamed on the model.
    public static let classification = Typology(name: "Classification errors", categories: [
        Category("Negation", "A negation is missed or its scope misread (\"not bad\").", key: "1"),
        Category("Sarcasm or irony", "The intended meaning is the opposite of the literal one.", key: "2"),
        Category("Missing world knowledge", "The right label needs facts the model does not have.", key: "3"),
        Category("Mixed sentiment", "The input holds evidence for more than one label.", key: "4"),
        Category("Spurious cue", "The model follows a surface cue (a word, a name, the length) that does not decide the label.", key: "5"),
        Category("Noisy input", "Typos, truncation, markup or another language in the input.", key: "6"),
        Category("Out of domain", "The input is unlike the training data in topic, genre or form.", key: "7"),
        Category("Label noise", "The gold label is the error, not the prediction.", key: "8", children: [
            Category("Wrong label", "The gold label is plainly wrong."),
            Category("Debatable label", "Careful annotators could disagree on the gold label."),
        ]),
        Category("Other", "Any other cause; say what in the note.", key: "9"),
    ])
}
