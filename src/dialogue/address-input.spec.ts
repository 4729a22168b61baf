import { countryCode, formatAddress, parseAddress } from './address-input';

describe('parseAddress', () => {
  it('reads street, city, postcode and a country written out, into an ISO code', () => {
    expect(parseAddress('5 Baker Street, London, NW1 6XE, United Kingdom')).toEqual({
      line1: '5 Baker Street',
      city: 'London',
      postalCode: 'NW1 6XE',
      country: 'GB',
    });
    expect(parseAddress('350 Fifth Ave, Apt 4, New York, 10118, usa')).toEqual({
      line1: '350 Fifth Ave',
      line2: 'Apt 4',
      city: 'New York',
      postalCode: '10118',
      country: 'US',
    });
    expect(parseAddress('南京路100号，上海，200001，中国')).toEqual({
      line1: '南京路100号',
      city: '上海',
      postalCode: '200001',
      country: 'CN',
    });
  });

  it('takes a labelled postcode from anywhere', () => {
    expect(parseAddress('12 High St, Leeds, postcode LS1 4AB, UK')).toEqual({
      line1: '12 High St',
      city: 'Leeds',
      postalCode: 'LS1 4AB',
      country: 'GB',
    });
  });

  it("drops the request around it and takes the order's country when none is named", () => {
    expect(
      parseAddress('please change the delivery address to 12 High St, Leeds LS1 4AB', 'GB'),
    ).toEqual({ line1: '12 High St', city: 'Leeds', postalCode: 'LS1 4AB', country: 'GB' });
    expect(parseAddress('it should go to 55 Pine Road, Seattle, 98101', 'US')).toEqual({
      line1: '55 Pine Road',
      city: 'Seattle',
      postalCode: '98101',
      country: 'US',
    });
  });

  it('places a British or Canadian postcode in its country, whatever the order had', () => {
    expect(parseAddress('change it to 10 Downing St, London SW1A 2AA', 'US')).toEqual({
      line1: '10 Downing St',
      city: 'London',
      postalCode: 'SW1A 2AA',
      country: 'GB',
    });
    expect(parseAddress('24 Sussex Drive, Ottawa, k1m 1m4', 'US')).toEqual({
      line1: '24 Sussex Drive',
      city: 'Ottawa',
      postalCode: 'K1M 1M4',
      country: 'CA',
    });
    // A country named still wins, and a US ZIP says nothing.
    expect(parseAddress('1 Main St, Springfield, 62701', 'US')?.country).toBe('US');
    expect(parseAddress('5 Rue X, Paris SW1A 2AA, France', 'US')?.country).toBe('FR');
  });

  it('reads a Chinese address written without commas, province and city first', () => {
    expect(parseAddress('帮我把收货地址改成 上海市浦东新区世纪大道100号')).toEqual({
      line1: '浦东新区世纪大道100号',
      city: '上海市',
      postalCode: undefined,
      country: 'CN',
    });
    // The order was going to Hong Kong; Shenzhen is on the mainland.
    expect(parseAddress('新地址是广东省深圳市南山区科技园路1号，邮编518057', 'HK')).toMatchObject({
      region: '广东省',
      city: '深圳市',
      line1: '南山区科技园路1号',
      postalCode: '518057',
      country: 'CN',
    });
    expect(parseAddress('上海市浦东新区世纪大道100号', 'HK')?.country).toBe('CN');
    expect(parseAddress('台北市大安区忠孝东路100号', 'CN')?.country).toBe('TW');
    expect(parseAddress('寄到北京朝阳区建国路88号')).toMatchObject({
      city: '北京市',
      line1: '朝阳区建国路88号',
    });
  });

  it('gives null when street, city or country cannot be told apart', () => {
    expect(parseAddress('London')).toBeNull();
    expect(parseAddress('5 Baker Street, London, Narnia')).toBeNull();
    expect(parseAddress('改到我家')).toBeNull();
    expect(parseAddress('朝阳区建国路88号')).toBeNull();
    expect(parseAddress('x'.repeat(400))).toBeNull();
  });
});

describe('countryCode', () => {
  it('knows names, Chinese names and codes', () => {
    expect(
      ['uk', 'U.K.', 'England', '英国', 'GB', 'de', 'Deutschland', '香港', 'xx'].map(countryCode),
    ).toEqual(['GB', 'GB', 'GB', 'GB', 'GB', 'DE', 'DE', 'HK', null]);
  });
});

describe('formatAddress', () => {
  it('reads a Chinese address back largest part first and others street first', () => {
    expect(
      formatAddress({ line1: '浦东新区世纪大道100号', city: '上海市', country: 'CN' }, 'zh'),
    ).toBe('上海市浦东新区世纪大道100号');
    expect(
      formatAddress(
        { line1: '5 Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'GB' },
        'en',
      ),
    ).toBe('5 Baker Street, London, NW1 6XE, GB');
  });
});
