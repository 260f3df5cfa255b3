import Testing
@testable import ErrataCore

@Suite struct StatisticsMatrixTests {
    @Test func storesRowMajorAndSumsSelectedRowsWithRepeats() {
        var matrix = StatisticsMatrix(rows: 3, width: 2)
        #expect(matrix.values == [0, 0, 0, 0, 0, 0])
        matrix[0, 0] = 1
        matrix[0, 1] = 2
        matrix.withMutableRow(2) { $0[0] = 5; $0[1] = 7 }
        #expect(matrix.values == [1, 2, 0, 0, 5, 7])
        #expect(matrix.row(2) == [5, 7])
        #expect(matrix.sum(rows: [0, 2, 2]) == [11, 16])
        #expect(matrix.sum(rows: [Int]()) == [0, 0])
        #expect(matrix.gathering(rows: [2, 0]).values == [5, 7, 1, 2])
    }

    @Test func initialisesFromValues() {
        let matrix = StatisticsMatrix(width: 3, values: [1, 2, 3, 4, 5, 6])
        #expect(matrix.rows == 2)
        #expect(matrix[1, 2] == 6)
        #expect(matrix.sum(rows: 0 ..< 2) == [5, 7, 9])
    }
}
