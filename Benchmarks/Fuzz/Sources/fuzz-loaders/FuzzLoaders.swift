import CFuzzDriver
import ErrataCore
import Foundation

/// The executable's entry (SwiftPM names it after the module): hands over to libFuzzer.
@_cdecl("fuzz_loaders_main")
public func fuzzLoadersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
}

/// libFuzzer's entry point: the input's first byte picks the target (CSV, TSV, JSON Lines,
/// or a slice expression on a small dataset), the rest is the input. A crash, a hang past
/// libFuzzer's `-timeout`, or an error without a location is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Data(bytes: data + 1, count: size - 1)
    let target = data[0] % 4
    if target == 3 {
        let expression = String(decoding: bytes, as: UTF8.self)
        do {
            _ = try FuzzDataset.evaluator.rows(where: expression)
        } catch let error as SliceError {
            if error.column < 1 || error.column > expression.count + 1 { fatalError("slice error outside the expression: \(error)") }
        } catch {
            fatalError("unexpected error \(error)")
        }
        return 0
    }
    let path = FuzzDataset.folder + "/input." + ["csv", "tsv", "jsonl"][Int(target)]
    FileManager.default.createFile(atPath: path, contents: bytes)
    do {
        _ = try DatasetLoader.readTable(path)
    } catch let error as LoadError {
        if error.line == nil && !error.message.hasPrefix("the file is empty") { fatalError("unlocated error: \(error)") }
    } catch {
        fatalError("unexpected error \(error)")
    }
    do { _ = try DatasetLoader.load(path) } catch is LoadError {} catch { fatalError("unexpected error \(error)") }
    return 0
}

/// A folder for the inputs, and a small dataset to evaluate expressions on.
enum FuzzDataset {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "errata-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static let evaluator: SliceEvaluator = {
        let path = folder + "/reviews.csv"
        let text = "id,text,gold,pred_bert,pred_lr,genre,year\n1,A joy,pos,pos,neg,comedy,2001\n2,Dull,neg,pos,neg,drama,2003\n3,Scary,neg,neg,neg,horror,2005\n4,Fine,pos,pos,pos,drama,2007\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return Analysis(dataset: try! DatasetLoader.load(path)).evaluator
    }()
}
