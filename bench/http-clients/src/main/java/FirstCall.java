import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * What a build pays for the HTTP client, in a fresh JVM: build a CloudFront client with the one HTTP client on the
 * class path (the SDK finds it itself), then make one call. Prints "build_ms first_call_ms".
 */
public final class FirstCall {
    public static void main(String[] args) {
        long start = System.nanoTime();
        try (CloudFrontClient client = CloudFrontClient.builder()
                .region(Region.US_EAST_1) // with an endpoint override, aws-global would be signed as it is
                .endpointOverride(URI.create(args[0]))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .build()) {
            long built = System.nanoTime();
            client.getDistribution(r -> r.id("EDFDVBD6EXAMPLE"));
            long called = System.nanoTime();
            System.out.println((built - start) / 1_000_000 + " " + (called - built) / 1_000_000);
        }
    }
}
