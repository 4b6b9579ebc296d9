extension JSONText {
    public static func bytes(_ value: some Encodable) -> [UInt8] { Array(encode(value).utf8) }
}
