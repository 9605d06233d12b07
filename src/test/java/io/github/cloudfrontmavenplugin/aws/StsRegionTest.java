package io.github.cloudfrontmavenplugin.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which STS assumes a role: China's partition has no global endpoint, so its own region's. */
class StsRegionTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/site-deployer";
    private static final String CHINA_ROLE = "arn:aws-cn:iam::123456789012:role/site-deployer";

    private static String region(String roleArn, String configured) {
        return CredentialSource.RoleToAssume.stsRegionFor(roleArn, Optional.ofNullable(configured));
    }

    @Test
    void aRoleOutsideChinaIsAssumedInUsEast1() {
        assertEquals("us-east-1", region(ROLE, null));
        assertEquals("us-east-1", region(ROLE, "aws-global"));
    }

    @Test
    void aChinaRoleWithoutARegionIsAssumedInCnNorth1() {
        assertEquals("cn-north-1", region(CHINA_ROLE, null));
        assertEquals("cn-north-1", region(CHINA_ROLE, "aws-global"));
    }

    @Test
    void theConfiguredChinaRegionIsTheOneStsAnswersIn() {
        assertEquals("cn-northwest-1", region(CHINA_ROLE, "cn-northwest-1"));
        assertEquals("cn-north-1", region(ROLE, "cn-north-1"));
    }

    @Test
    void chinasStsIsUnderAmazonawsComCn() {
        assertEquals(
                URI.create("https://sts.cn-north-1.amazonaws.com.cn"), AssumedRoleCredentials.endpoint("cn-north-1"));
        assertEquals(URI.create("https://sts.us-east-1.amazonaws.com"), AssumedRoleCredentials.endpoint("us-east-1"));
    }

    @Test
    void theRoleArnParameterRecordsItsStsRegion() {
        CredentialSource.RoleToAssume role =
                new CredentialSource.RoleToAssume(CHINA_ROLE, "s", Optional.empty(), Optional.empty());
        assertEquals("cn-north-1", role.stsRegion());
    }
}
