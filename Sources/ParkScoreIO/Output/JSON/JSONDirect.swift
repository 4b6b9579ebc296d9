/// A value that writes its own JSON straight into a `JSONWriter`, without `Swift.Encoder`: the result and dossier
/// documents, whose members are written in the writer's key order (`JSONKeyOrder`, checked in debug builds), nil
/// optionals left out where their synthesized `Encodable` leaves them out. `JSONText` takes this path when a value has
/// it, so it must give the bytes `Encodable` gives; the differential tests hold the two against Foundation's JSONEncoder.
package protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension String: JSONWritable {
    package func write(to json: inout JSONWriter) { json.writeString(self) }
}

extension Int: JSONWritable {
    package func write(to json: inout JSONWriter) { json.writeInt(self) }
}

extension Bool: JSONWritable {
    package func write(to json: inout JSONWriter) { json.writeBool(self) }
}

extension JSONNumber: JSONWritable {
    package func write(to json: inout JSONWriter) { json.writeRaw(digits) }
}

extension Array: JSONWritable where Element: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.arrayStart()
        // By index: each element read in place rather than copied out (and its members retained).
        for i in indices {
            json.element()
            self[i].write(to: &json)
        }
        json.arrayEnd()
    }
}

/// An object: its keys sorted as the writer sorts them.
extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.objectStart()
        if count == 1, let (key, value) = first {
            json.key(key)
            value.write(to: &json)
        } else if !isEmpty {
            for (key, value) in sorted(by: { JSONKeyOrder.less($0.key, $1.key) }) {
                json.key(key)
                value.write(to: &json)
            }
        }
        json.objectEnd()
    }
}

extension JSONWriter {
    /// A member: `key` (which must come after the member before it in `JSONKeyOrder`) and its value.
    package mutating func field<T: JSONWritable>(_ key: StaticString, _ value: T) {
        self.key(key)
        value.write(to: &self)
    }

    /// A member left out when nil, as `encodeIfPresent` leaves it out.
    package mutating func field<T: JSONWritable>(_ key: StaticString, _ value: T?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    package mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        writeString(value)
    }

    package mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        writeString(value)
    }

    package mutating func field(_ key: StaticString, _ value: JSONNumber) {
        self.key(key)
        writeRaw(value.digits)
    }

    package mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        writeBool(value)
    }

    package mutating func field(_ key: StaticString, _ value: Int) {
        self.key(key)
        writeInt(value)
    }
}
