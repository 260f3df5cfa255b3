extension Fixtures {
    /// TED layout: quotes inside fields (read unquoted), a combining accent (two scalars, one
    /// character), a no-error row, a Neutral error, and the human translation `ref`.
    public static let mqmRatings = """
        system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment
        sysA\ttalk.1\t1\t1\trater1\tHe said "hi".\tEr sagte <v>"hallo"</v>.\tAccuracy/Mistranslation\tMajor\t
        sysA\ttalk.1\t1\t1\trater1\tHe said "hi".\tEr sagte "hallo"<v>.</v>\tFluency/Punctuation\tMinor\tcomma
        sysB\ttalk.1\t1\t1\trater2\tHe said "hi".\tEr sagte "hallo".\tNo-error\tNo-error\t
        ref\ttalk.1\t1\t1\trater2\tHe said "hi".\tEr sagte „hallo“.\tNo-error\tNo-error\t
        sysA\ttalk.1\t2\t2\trater1\tCafe\u{301} street.\tCafe\u{301} <v>Straße</v>.\tTerminology/Inappropriate for context\tMinor\t
        sysB\ttalk.1\t2\t2\trater2\tCafe\u{301} street.\t<v>Cafe\u{301}</v> Straße.\tStyle/Awkward\tNeutral\t
        ref\ttalk.1\t2\t2\trater2\tCafe\u{301} street.\tCafe\u{301}-Straße.\tNo-error\tNo-error\t

        """
}
