import Testing
import TerminalUI

@Suite struct ScreenBufferChangesTests {
    @Test func withoutAPreviousFrameEveryCellChanges() {
        var buffer = ScreenBuffer(width: 3, height: 2)
        buffer.write("ab", x: 0, y: 1)
        let changes = buffer.changes(from: nil)
        #expect(changes.count == 6)
        #expect(changes.map { [$0.x, $0.y] } == [[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [2, 1]])
        #expect(changes[3].cell.text == "a")
    }

    @Test func aDifferentSizeRedrawsEverything() {
        #expect(ScreenBuffer(width: 2, height: 2).changes(from: ScreenBuffer(width: 3, height: 2)).count == 4)
    }

    @Test func onlyChangedCellsAreReported() {
        var old = ScreenBuffer(width: 5, height: 2)
        old.write("hello", x: 0, y: 0)
        var new = old
        new.write("j", x: 0, y: 0)
        new[4, 1] = Cell(text: " ", width: 1, style: Style(background: .red))
        #expect(new.changes(from: old) == [
            CellChange(x: 0, y: 0, cell: Cell(text: "j", width: 1)),
            CellChange(x: 4, y: 1, cell: Cell(text: " ", width: 1, style: Style(background: .red))),
        ])
        #expect(new.changes(from: new).isEmpty)
    }

    @Test func replacingAWideCharacterReportsItsFirstCellOnly() {
        var old = ScreenBuffer(width: 4, height: 1)
        old.write("漢", x: 1, y: 0)
        var new = old
        new.write("字", x: 1, y: 0)
        #expect(new.changes(from: old) == [CellChange(x: 1, y: 0, cell: Cell(text: "字", width: 2))])
        var narrow = old
        narrow.write("ab", x: 1, y: 0)
        #expect(narrow.changes(from: old).map(\.x) == [1, 2])
    }
}
