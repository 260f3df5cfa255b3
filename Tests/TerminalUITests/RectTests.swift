import Testing
import TerminalUI

@Suite struct RectTests {
    @Test func insetShrinksEverySideAndNeverGoesNegative() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(rect.inset(by: EdgeInsets(horizontal: 2)) == Rect(x: 4, y: 3, width: 6, height: 4))
        #expect(rect.inset(by: 3) == Rect(x: 5, y: 6, width: 4, height: 0))
        #expect(rect.inset(by: 9).isEmpty)
    }

    @Test func rowsServeFixedPartsFirstAndShareTheRestByWeight() {
        let rect = Rect(x: 0, y: 1, width: 20, height: 10)
        #expect(rect.rows(.fixed(1), .fill, .fixed(1)) == [
            Rect(x: 0, y: 1, width: 20, height: 1),
            Rect(x: 0, y: 2, width: 20, height: 8),
            Rect(x: 0, y: 10, width: 20, height: 1),
        ])
        #expect(rect.rows(.fill(weight: 1), .fill(weight: 2)).map(\.height) == [4, 6])
        #expect(rect.rows(.fill, .fill, .fill).map(\.height) == [4, 3, 3])
        #expect(rect.rows(.fixed(8), .fixed(8), .fill).map(\.height) == [8, 2, 0])
    }

    @Test func columnsPlaceLeftToRight() {
        let columns = Rect(x: 5, y: 0, width: 11, height: 2).columns(.fixed(3), .fill)
        #expect(columns == [Rect(x: 5, y: 0, width: 3, height: 2), Rect(x: 8, y: 0, width: 8, height: 2)])
    }

    @Test func intersectionAndContains() {
        let a = Rect(x: 0, y: 0, width: 4, height: 4), b = Rect(x: 2, y: 3, width: 5, height: 5)
        #expect(a.intersection(b) == Rect(x: 2, y: 3, width: 2, height: 1))
        #expect(a.intersection(Rect(x: 9, y: 9, width: 1, height: 1)).isEmpty)
        #expect(a.contains(x: 3, y: 3))
        #expect(!a.contains(x: 4, y: 0))
    }
}
